import { afterEach, beforeEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { renderApp } from './support/render-app.tsx';
import { openEngine } from './support/test-engine.ts';

/** The browser's Notification, recorded: what Dropline showed, and the permission it asked for. */
const shown: { title: string; body: string | undefined }[] = [];
let permission: NotificationPermission = 'default';
const real = window.Notification;

class RecordingNotification {
  static get permission() {
    return permission;
  }
  static requestPermission(): Promise<NotificationPermission> {
    permission = 'granted';
    return Promise.resolve(permission);
  }
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    shown.push({ title, body: options?.body });
  }
}

beforeEach(() => {
  shown.length = 0;
  permission = 'default';
  window.Notification = RecordingNotification as unknown as typeof Notification;
});
afterEach(() => {
  window.Notification = real;
});

const upload = (title: string) =>
  ({ level: 'info', kind: 'upload_done', title, message: 'It is on YouTube.' }) as const;

test('in a browser tab: Settings asks for permission, then notices arrive as notifications, per kind', async () => {
  const engine = await openEngine();
  await renderApp('Settings');
  // Nothing is shown before the browser allows it.
  engine.postNotice(upload('Before permission'));
  await page.getByRole('button', { name: 'Show notifications in this browser' }).click();
  await expect
    .element(page.getByText("This browser shows Dropline's notifications", { exact: false }))
    .toBeVisible();

  engine.postNotice(upload('Uploaded "Episode 12"'));
  await expect.poll(() => shown.map((n) => n.title)).toEqual(['Uploaded "Episode 12"']);
  expect(shown[0]?.body).toBe('It is on YouTube.');

  // The kind's switch in Settings governs it, as for the desktop's OS notifications.
  await engine.invoke('settings.set', { notifyUploadDone: false });
  engine.postNotice(upload('Switched off'));
  engine.postNotice({
    level: 'error',
    kind: 'upload_failed',
    title: 'Upload failed',
    message: 'The file is gone.',
  });
  await expect.poll(() => shown.map((n) => n.title)).toContain('Upload failed');
  expect(shown.map((n) => n.title)).not.toContain('Switched off');
  expect(shown.map((n) => n.title)).not.toContain('Before permission');
});

test('a browser that blocks notifications is said so, with what to do', async () => {
  permission = 'denied';
  await openEngine();
  await renderApp('Settings');
  await expect.element(page.getByText(/This browser blocks notifications/)).toBeVisible();
});
