import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { EngineConnection } from '../../src-main/engine-process/engine-client.ts';
import { wallTimeAt } from '../../src-shared/publishing/zoned-time.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import {
  dropFiles,
  openServeInChromium,
  type ServeInChromium,
} from './support/serve-in-chromium.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const skip = browserUnavailable();
const COOKS = 'UCalice0000000000000000a';

describe(
  'publishing plans in Chromium: a schedule takes a dropped video; a preset in the Add upload form',
  { skip },
  () => {
    const dir = tempDir();
    const videos = join(dir.path, 'videos');
    const data = join(dir.path, 'data');
    let ui: ServeInChromium | undefined;
    let engine: EngineConnection;
    let page: Page;
    const video = Buffer.from(
      'a dropped episode: the engine matches it by name and size in the watched folder',
    );

    beforeAll(async () => {
      mkdirSync(videos);
      writeFileSync(join(videos, 'ep20.mp4'), video);
      ui = await openServeInChromium(dir.path, data, {
        channels: [COOKS],
        folders: [{ path: videos, channelIds: [COOKS] }],
      });
      ({ engine, page } = ui);
    });
    afterAll(async () => {
      await ui?.close();
      dir.remove();
    });

    test('create a schedule, drop a video, and see it take the next slot; move it to another', async () => {
      await page.getByRole('button', { name: 'Publishing', exact: true }).click();
      const card = page.getByRole('article', { name: 'Schedule of Alice Cooks' });
      await card.getByLabel('Recurrence rule').fill('FREQ=WEEKLY;BYDAY=XX');
      await card.getByLabel('Time zone').fill('Europe/Berlin');
      await card.getByRole('button', { name: 'Save schedule' }).click();
      await card.getByRole('alert').filter({ hasText: 'BYDAY takes MO' }).waitFor();
      await card.getByLabel('Recurrence rule').fill('FREQ=DAILY;BYHOUR=15;BYMINUTE=0');
      await card.getByRole('button', { name: 'Save schedule' }).click();
      const slots = card.getByTestId('slot');
      await slots.first().waitFor();
      assert.equal(await slots.count(), 8);
      const first = (await slots.nth(0).getAttribute('data-at')) as string;
      const second = (await slots.nth(1).getAttribute('data-at')) as string;
      assert.equal(wallTimeAt(Date.parse(first), 'Europe/Berlin').hour, 15);
      assert.equal(await slots.nth(0).getAttribute('data-filled'), 'no');
      // The browser runs in UTC here: the channel's own zone is shown next to it.
      assert.match((await slots.nth(0).innerText()) ?? '', /channel: .* 15:00 Europe\/Berlin/);

      // No quota left by our own count (the units model; auto would ask Google): the dropped video
      // waits before its upload starts, so it can still move.
      await engine.api.invoke('settings.set', { quotaModel: 'units', quotaDailyUnits: 1 });
      await dropFiles(page, [{ name: 'ep20.mp4', bytes: video, type: 'video/mp4' }]);
      const preview = page.getByTestId('drop-preview');
      await preview.waitFor();
      await preview.getByRole('checkbox', { name: 'Alice Cooks' }).check();
      await preview.getByRole('button', { name: 'Queue', exact: true }).click();
      await preview.getByTestId('drop-result').filter({ hasText: 'Queued 1' }).waitFor();
      await preview.getByRole('button', { name: 'Close' }).click();

      const filled = card.locator(`[data-testid="slot"][data-at="${first}"][data-filled="yes"]`);
      await filled.waitFor();
      assert.equal(await filled.getByTestId('slot-title').innerText(), 'ep20');
      const job = (await engine.api.invoke('jobs.list', {})).find(
        (j) => j.file === join(videos, 'ep20.mp4'),
      );
      assert.ok(job);
      assert.equal(job.slotAt, first);
      assert.equal(job.metadata.publishAt, first);
      assert.equal(job.metadata.privacy, 'private');

      await filled.getByLabel('Move ep20 to').selectOption(second);
      await filled.getByRole('button', { name: 'Move' }).click();
      await card.locator(`[data-testid="slot"][data-at="${second}"][data-filled="yes"]`).waitFor();
      await card.locator(`[data-testid="slot"][data-at="${first}"][data-filled="no"]`).waitFor();
      // With quota again it uploads, and YouTube gets the slot it was moved to.
      await engine.api.invoke('settings.set', { quotaDailyUnits: 10_000 });
      await card
        .locator(`[data-testid="slot"][data-at="${second}"]`)
        .filter({ hasText: '(done)' })
        .waitFor({ timeout: 60_000 });
      const done = (await engine.api.invoke('jobs.list', {})).find((j) => j.id === job.id)!;
      const stored = ui!.sandbox.inspect.video(done.videoId!)!;
      assert.equal(stored.status.publishAt, second);
      assert.equal(stored.status.privacyStatus, 'private');
    });

    test('apply a preset in the Add upload form: its fields fill the form and reach the job', async () => {
      await page.getByRole('button', { name: 'Publishing', exact: true }).click();
      const editor = page.getByRole('form', { name: 'Preset' });
      await editor.getByLabel('Name').fill('weekly');
      await editor.getByLabel('Tags').fill('cooking, weekly');
      await editor.getByLabel('Privacy').selectOption('unlisted');
      await editor.getByLabel('Default language').fill('klingonish');
      await editor.getByRole('button', { name: 'Save preset' }).click();
      await editor.getByTestId('preset-error').filter({ hasText: 'klingonish' }).waitFor();
      await editor.getByLabel('Default language').fill('en');
      await editor.getByLabel(/Description footer/).fill('Thanks for watching!');
      await editor.getByRole('button', { name: 'Save preset' }).click();
      await page.getByTestId('preset').filter({ hasText: 'weekly' }).waitFor();

      const file = join(dir.path, 'preset-episode.mp4');
      writeFileSync(file, 'a video with a preset');
      await page.getByRole('button', { name: 'Queue', exact: true }).click();
      await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Add upload', exact: true }).click();
      const form = page.getByRole('form', { name: 'Add upload' });
      await form.getByLabel('Video files').fill(file);
      await form.getByRole('checkbox', { name: 'Alice Cooks' }).check();
      await form.locator('select[name="preset"]').selectOption('weekly');
      assert.equal(await form.locator('select[name="privacy"]').inputValue(), 'unlisted');
      // Tags are chips; their hidden input holds them comma-joined.
      assert.equal(await form.locator('input[name="tags"]').inputValue(), 'cooking,weekly');
      await form.getByTestId('preset-footer').filter({ hasText: 'Thanks for watching!' }).waitFor();

      // The publish-at field says what it read, under it, before anything is queued.
      const when = form.locator('input[name="publishAt"]');
      await when.fill('yesterday 3pm');
      await form.getByTestId('publish-at-echo').filter({ hasText: 'is in the past' }).waitFor();
      assert.equal(await form.getByRole('button', { name: 'Add to queue' }).isDisabled(), true);
      await when.fill('next friday');
      await form
        .getByTestId('publish-at-echo')
        .filter({ hasText: 'gives no time of day' })
        .waitFor();
      await when.fill('2099-06-01T15:00:00+02:00');
      await form
        .getByTestId('publish-at-echo')
        .filter({ hasText: 'Publishes Mon 2099-06-01 13:00 UTC' })
        .waitFor();
      await when.fill('');

      await form.locator('textarea[name="description"]').fill('Episode notes');
      await form.getByRole('button', { name: 'Add to queue' }).click();
      let job;
      for (let i = 0; i < 100 && !job; i++) {
        job = (await engine.api.invoke('jobs.list', {})).find((j) => j.file === file);
        if (!job) await page.waitForTimeout(50);
      }
      assert.ok(job, 'the job was queued');
      assert.deepEqual(job.metadata.tags, ['cooking', 'weekly']);
      assert.equal(job.metadata.privacy, 'unlisted');
      assert.equal(job.metadata.defaultLanguage, 'en');
      assert.equal(job.metadata.description, 'Episode notes\n\nThanks for watching!');
    });
  },
);
