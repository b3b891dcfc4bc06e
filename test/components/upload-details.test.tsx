import { useState } from 'react';
import { expect, onTestFinished, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { Job } from '../../src-shared/domain/job.ts';
import { AppTheme } from '../../src-renderer/theme/AppTheme.tsx';
import { DetailsFields } from '../../src-renderer/screens/upload/DetailsFields.tsx';
import { ThumbnailPreview } from '../../src-renderer/screens/upload/ThumbnailPreview.tsx';
import { emptyDraft, type DetailsDraft } from '../../src-renderer/screens/upload/upload-draft.ts';
import { JobRow } from '../../src-renderer/screens/queue/JobRow.tsx';
import { job as fixtureJob } from '../helpers/domain-fixtures.ts';

function Details({ onDraft }: { onDraft?(d: DetailsDraft): void }) {
  const [draft, setDraft] = useState(() => emptyDraft('Europe/Berlin'));
  return (
    <AppTheme>
      <DetailsFields
        draft={draft}
        named
        titlePlaceholder="file name"
        onChange={(p) =>
          setDraft((d) => {
            const next = { ...d, ...p };
            onDraft?.(next);
            return next;
          })
        }
      />
    </AppTheme>
  );
}

const counts = () => page.getByTestId('field-count');

test('the title counts characters as YouTube does (an emoji is one) and refuses 101 in place', async () => {
  await render(<Details />);
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill('Soup 🍲');
  await expect.poll(() => counts().first().element().textContent).toMatch(/^6 \/ 100/);
  await title.fill('x'.repeat(101));
  await expect.element(page.getByText('The title is 101 characters; at most 100')).toBeVisible();
  await title.fill('   ');
  await expect.element(page.getByText(/The title is blank/)).toBeVisible();
});

test('the description counts bytes, and tags are chips counted with quotes for a space', async () => {
  let last: DetailsDraft | undefined;
  await render(<Details onDraft={(d) => (last = d)} />);
  await page.getByRole('textbox', { name: 'Description' }).fill('Größe');
  await expect.poll(() => counts().nth(1).element().textContent).toMatch(/^7 \/ 5000/);
  const tags = page.getByPlaceholder('Type a tag, then Enter or a comma');
  await tags.fill('soup');
  await userPress(tags, 'Enter');
  await tags.fill('winter food');
  await userPress(tags, 'Enter');
  await expect.poll(() => counts().nth(2).element().textContent).toMatch(/^18 \/ 500/);
  expect(last?.tags).toEqual(['soup', 'winter food']);
});

test('a past publish time is refused under the field, and a scheduled video is private until then', async () => {
  await render(<Details />);
  const when = page.getByRole('textbox', { name: /Publish at/ });
  await when.fill('2001-01-01T10:00');
  await expect
    .poll(() => page.getByTestId('publish-at-echo').element().textContent)
    .toMatch(/is in the past/);
  await when.fill('2099-06-01 15:00');
  // Read in the chosen zone: 15:00 in Berlin is 13:00 UTC in summer.
  await expect
    .poll(() => page.getByTestId('publish-at-echo').element().textContent)
    .toMatch(/13:00 UTC|15:00/);
  await expect.element(page.getByRole('combobox', { name: 'Visibility' })).toBeDisabled();
});

test('the thumbnail preview says what fitting to 2 MB does', async () => {
  await render(
    <AppTheme>
      <ThumbnailPreview
        check={{
          path: '/v/big.png',
          problem: null,
          previewUrl: null,
          width: 3840,
          height: 2160,
          bytes: 6_200_000,
          format: 'png',
          fit: { resized: true, bytes: 1_900_000, width: 1280, height: 720 },
        }}
      />
    </AppTheme>,
  );
  await expect
    .element(page.getByTestId('thumbnail-fit'))
    .toHaveTextContent(
      "Over YouTube's 2 MB, so Dropline re-encodes it: 6.2 MB, 3840×2160 becomes 1.9 MB, 1280×720.",
    );
});

const job = (over: Partial<Job>): Job => fixtureJob('j1', 'UC1', { title: 'Episode 1', ...over });

test('a job row: a quota wait reads as waiting with when it resumes; a done job links to its video and Studio', async () => {
  // A fixed "now" (04:00 in Los Angeles): the next Pacific midnight is 20 h away whatever the
  // wall clock says. (With the real clock this read "45 min" in the hour before midnight.)
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-01T12:00:00.000Z'));
  onTestFinished(() => void vi.useRealTimers());
  const midnightPacific = new Date('2026-12-02T08:00:00.000Z');
  const screen = await render(
    <AppTheme>
      <JobRow
        job={job({
          state: 'waiting',
          waitReason: 'quota',
          waitUntil: midnightPacific.toISOString(),
        })}
        progress={undefined}
      />
    </AppTheme>,
  );
  await expect
    .element(
      page.getByText('waiting for quota: resumes in 20 h (midnight Pacific)', { exact: true }),
    )
    .toBeVisible();
  await screen.rerender(
    <AppTheme>
      <JobRow
        job={job({ state: 'done', videoId: 'abc123XYZ_-', bytesSent: 1000 })}
        progress={undefined}
      />
    </AppTheme>,
  );
  await expect
    .element(page.getByTestId('video-link'))
    .toHaveAttribute('href', 'https://youtu.be/abc123XYZ_-');
  await expect
    .element(page.getByTestId('studio-link'))
    .toHaveAttribute('href', 'https://studio.youtube.com/video/abc123XYZ_-/edit');
});

async function userPress(locator: ReturnType<typeof page.getByRole>, key: string) {
  const { userEvent } = await import('vitest/browser');
  await userEvent.type(locator, `{${key}}`);
}
