import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { renderApp, screenHeading } from './support/render-app.tsx';
import {
  ALICE,
  ENGINE_FAILURE,
  expectEngineFailureShown,
  expectNoAlert,
} from './support/screen-states.ts';
import { openEngine } from './support/test-engine.ts';

const rows = () => page.getByTestId('queue-list').element().querySelectorAll('.job-title');
const titles = () => [...rows()].map((r) => r.getAttribute('title') ?? '');

test('empty: no uploads, and what to do first', async () => {
  await openEngine();
  await renderApp('Queue');
  await expect.element(screenHeading('Queue')).toBeVisible();
  await expect.element(page.getByText(/No uploads yet\. Connect a channel/)).toBeVisible();
  expectNoAlert();
});

test('loading: nothing listed until the engine answers, then the jobs', async () => {
  const engine = await openEngine({ channels: [ALICE], jobs: { count: 3, channelId: ALICE } });
  engine.hold('jobs.list');
  await renderApp('Queue');
  await engine.heldCall('jobs.list');
  await expect.element(screenHeading('Queue')).toBeVisible();
  // The connected channel's header may show; no job does before the list arrives.
  expect(page.getByText('Clip').elements()).toHaveLength(0);
  expectNoAlert();
  engine.release('jobs.list');
  await expect.element(page.getByText('Clip').first()).toBeVisible();
  expect(rows()).toHaveLength(3);
});

test('error: the engine refusing the list is shown in its own words', async () => {
  const engine = await openEngine({ channels: [ALICE] });
  engine.fail('jobs.list', ENGINE_FAILURE);
  await renderApp('Queue');
  await expectEngineFailureShown();
});

test('populated: the channel header and each job with its file', async () => {
  const engine = await openEngine({
    channels: [ALICE],
    jobs: { count: 3, channelId: ALICE, title: 'Weeknight pasta' },
  });
  await renderApp('Queue');
  await expect.element(page.getByText('Alice Cooks').first()).toBeVisible();
  await expect.element(page.getByText('Weeknight pasta').first()).toBeVisible();
  expect(titles().sort()).toEqual([...engine.files].sort());
  expectNoAlert();
});

test(
  '2,000 jobs: only the rows on screen are rendered, and scrolling brings the later ones',
  { timeout: 180_000 },
  async () => {
    const engine = await openEngine({ channels: [ALICE], jobs: { count: 2000, channelId: ALICE } });
    await renderApp('Queue');
    await expect.element(page.getByText('Clip').first()).toBeVisible();
    const rendered = rows().length;
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60);
    const last = engine.files.at(-1) as string;
    expect(titles()).not.toContain(last);

    const scroller = page.getByTestId('queue-list').element() as HTMLElement;
    expect(scroller.scrollHeight).toBeGreaterThan(2000 * 50);
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
    await expect.poll(() => titles()).toContain(last);
    expect(rows().length).toBeLessThan(60);
    expect(titles()).not.toContain(engine.files[0]);
    // The virtualizer places the rows itself (not React): each one starts where the one above ends.
    const placed = [...scroller.querySelectorAll<HTMLElement>('.queue-row')]
      .map((r) => r.getBoundingClientRect())
      .sort((a, b) => a.top - b.top);
    for (const [i, box] of placed.entries()) {
      if (i > 0) expect(Math.abs(box.top - (placed[i - 1] as DOMRect).bottom)).toBeLessThan(1);
    }
    expect((placed.at(-1) as DOMRect).bottom).toBeGreaterThan(scroller.getBoundingClientRect().top);
  },
);
