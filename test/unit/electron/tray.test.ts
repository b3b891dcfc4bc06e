import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startDesktop, type Desktop } from '../../../src-main/electron/desktop-app.ts';
import { summarizeTray } from '../../../src-main/electron/tray-summary.ts';
import { trayIconPath } from '../../../src-main/electron/tray.ts';
import { fakeRenderer } from '../../helpers/desktop-fixtures.ts';
import { channel, job } from '../../helpers/domain-fixtures.ts';
import { clickMenuItem, FakeElectron } from '../../helpers/fake-electron.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const alpha = channel('UC_a', 'Alpha');
const beta = channel('UC_b', 'Beta');

describe('what the tray says', () => {
  test('a line per channel with its jobs and progress; uploading icon', () => {
    const s = summarizeTray(
      [alpha, beta],
      [
        job('j1', 'UC_a', { state: 'uploading', bytesSent: 100, bytesTotal: 1000 }),
        job('j2', 'UC_a', { state: 'uploading', bytesSent: 0, bytesTotal: 1000 }),
        job('j3', 'UC_a', { state: 'queued' }),
        job('j4', 'UC_b', { state: 'done', bytesSent: 1000 }),
      ],
      // Progress events are newer than the rows: 760 of 2000 bytes = 38%.
      new Map([['j1', 760]]),
    );
    assert.equal(s.state, 'uploading');
    assert.deepEqual(
      s.lines.map((l) => l.text),
      ['Alpha: 2 uploading, 1 queued, 38%', 'Beta: idle'],
    );
    assert.equal(s.tooltip, 'Dropline: 2 uploading, 38%');
    assert.equal(s.active, 3);
    assert.equal(s.pausable, 3);
  });

  test('a failed job or a channel to reconnect needs attention', () => {
    const failed = summarizeTray([alpha], [job('j1', 'UC_a', { state: 'failed' })]);
    assert.equal(failed.state, 'attention');
    assert.match(failed.tooltip, /needs you: 1 failed upload/);
    const reconnect = summarizeTray([{ ...alpha, status: 'needs_reconsent' }], []);
    assert.equal(reconnect.state, 'attention');
    assert.deepEqual(
      reconnect.lines.map((l) => l.text),
      ['Alpha: needs reconnecting'],
    );
    const idle = summarizeTray([alpha], [job('j', 'UC_a', { state: 'done' })]);
    assert.equal(idle.state, 'idle');
    assert.equal(idle.tooltip, 'Dropline: idle');
  });

  test('macOS gets template images for the menu bar', () => {
    assert.equal(trayIconPath('/i', 'uploading', 'darwin'), '/i/uploadingTemplate.png');
    assert.equal(trayIconPath('/i', 'attention', 'linux'), '/i/attention.png');
  });
});

describe('the tray follows the engine (fake electron)', () => {
  const dir = tempDir();
  const fake = new FakeElectron(join(dir.path, 'userData'));
  let desktop: Desktop | null;

  beforeAll(async () => {
    desktop = await startDesktop(
      fake.module,
      { preload: '/p/preload.cjs', rendererDir: fakeRenderer(dir.path), trayIcons: '/icons' },
      { DROPLINE_LOG_LEVEL: 'error' },
      { platform: 'linux', argv: [] },
    );
  });
  afterAll(async () => {
    await desktop?.core.close();
    dir.remove();
  });

  test('starts idle with Open, channel lines, Pause/Resume all, Check for updates and Quit', () => {
    assert.equal(fake.tray.image, '/icons/idle.png');
    assert.deepEqual(
      fake.tray.menu.map((m) => m.label ?? '---'),
      [
        'Open Dropline',
        '---',
        'No channels connected yet',
        '---',
        'Pause all',
        'Resume all',
        '---',
        'Check for updates…',
        'Quit Dropline',
      ],
    );
    assert.equal(fake.tray.menu.find((m) => m.label === 'Pause all')?.enabled, false);
  });

  test('job and progress events change the icon, the tooltip and the channel line', async () => {
    const events = desktop!.core.events;
    events.emit('channels.changed', [alpha]);
    events.emit('jobs.changed', job('j1', 'UC_a', { state: 'uploading', bytesTotal: 1000 }));
    events.emit('jobs.progressed', {
      id: 'j1',
      channelId: 'UC_a',
      bytesSent: 430,
      bytesTotal: 1000,
      rate: 1,
      etaSeconds: null,
    });
    await Promise.resolve();
    assert.equal(fake.tray.image, '/icons/uploading.png');
    assert.equal(fake.tray.tooltip, 'Dropline: 1 uploading, 43%');
    assert.ok(fake.tray.menu.some((m) => m.label === 'Alpha: 1 uploading, 43%'));
    assert.equal(fake.tray.menu.find((m) => m.label === 'Pause all')?.enabled, true);

    events.emit('jobs.changed', job('j1', 'UC_a', { state: 'failed' }));
    await Promise.resolve();
    assert.equal(fake.tray.image, '/icons/attention.png');
  });

  test('Open Dropline shows the window; Check for updates answers in a dialog', async () => {
    const win = fake.windows[0]!;
    win.hide();
    clickMenuItem(fake.tray.menu, 'Open Dropline');
    assert.equal(win.visible, true);
    clickMenuItem(fake.tray.menu, 'Check for updates…');
    await new Promise((r) => setImmediate(r));
    assert.match(fake.messageBoxes.at(-1)?.message ?? '', /development build/);
  });
});
