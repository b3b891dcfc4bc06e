import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  connectSandboxChannel,
  startSandboxedServe,
  type SandboxedServe,
} from '../../test/helpers/sandbox-channel.ts';

export interface Scene {
  name: string;
  show(page: Page): Promise<void>;
  hide?(page: Page): Promise<void>;
  fullPage?: boolean;
}

export interface World extends SandboxedServe {
  scenes: Scene[];
}

const goTo = (label: string) => async (page: Page) => {
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await page.getByRole('heading', { name: label, exact: true }).first().waitFor();
};

/** A serve with two connected channels and jobs in the states a creator meets. */
export async function seedScenes(root: string): Promise<World> {
  const data = join(root, 'data');
  const media = join(root, 'media');
  mkdirSync(media, { recursive: true });
  const running = await startSandboxedServe(root, data);
  const { engine, sandbox } = running;
  await connectSandboxChannel(engine, sandbox, 'UCalice0000000000000000a');
  await connectSandboxChannel(engine, sandbox, 'UCbob000000000000000000c');
  const files = ['Cooking show 12.mp4', 'Pasta night.mp4', 'Knife skills.mp4'].map((name) => {
    const path = join(media, name);
    writeFileSync(path, randomBytes(256 * 1024));
    return path;
  });
  await engine.api.invoke('jobs.enqueue', {
    files,
    channelIds: ['UCalice0000000000000000a'],
    metadata: { title: 'Cooking show', privacy: 'private' },
    thumbnail: null,
  });
  const scenes: Scene[] = [
    { name: 'queue', show: goTo('Queue') },
    { name: 'channels', show: goTo('Channels') },
    { name: 'folders', show: goTo('Folders') },
    { name: 'cookies', show: goTo('Cookies') },
    { name: 'settings', show: goTo('Settings') },
  ];
  return { ...running, scenes };
}
