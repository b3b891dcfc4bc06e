import { statSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import type { Clock } from '../base/clock.ts';
import type { HandlerMap } from '../rpc/router.ts';
import type { SettingsRepository } from '../settings/settings-repository.ts';

/** Its own row of the settings table: not a user setting, so not in settings.get. */
const KEY = 'lastUsedFolder';

/**
 * The last folder the user took videos from (the file browser, the desktop's
 * file dialog, Add upload, a queued drop), kept across restarts: a browser
 * drop's names are looked for there as well as in the watched folders.
 */
export class LastFolder {
  readonly #repo: SettingsRepository;
  readonly #clock: Clock;

  constructor(repo: SettingsRepository, clock: Clock) {
    this.#repo = repo;
    this.#clock = clock;
  }

  get(): string | null {
    const value = this.#repo.readAll()[KEY];
    return typeof value === 'string' && isAbsolute(value) ? value : null;
  }

  /** A chosen file stands for its folder; a chosen folder for itself. Relative paths are ignored. */
  remember(path: string): string | null {
    if (!isAbsolute(path)) return this.get();
    const folder = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? path : dirname(path);
    if (folder !== this.get())
      this.#repo.writeMany({ [KEY]: folder }, new Date(this.#clock.now()).toISOString());
    return folder;
  }
}

type Remembered = Pick<HandlerMap, 'jobs.add' | 'drops.queue'>;

/**
 * Wraps Add upload and drops so what they queue names the last-used folder:
 * the files' folder once the engine has accepted them (a refused add is no use).
 */
export function rememberingFolders<H extends Remembered>(handlers: H, last: LastFolder): H {
  const add = handlers['jobs.add'];
  const queue = handlers['drops.queue'];
  return {
    ...handlers,
    'jobs.add': async (input, ctx) => {
      const out = await add(input, ctx);
      const file = input.uploads.at(-1)?.file;
      if (file) last.remember(file);
      return out;
    },
    'drops.queue': async (input, ctx) => {
      const out = await queue(input, ctx);
      const queued = input.items.filter((item, i) => item.path && out[i]?.error === null);
      const path = queued.at(-1)?.path;
      if (path) last.remember(path);
      return out;
    },
  };
}
