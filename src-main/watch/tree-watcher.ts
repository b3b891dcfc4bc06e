import { watch, type ChokidarOptions, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { sep } from 'node:path';

export interface TreeWatcherHandlers {
  add(path: string, stats?: Stats): void;
  change(path: string): void;
  unlink(path: string): void;
  unlinkDir(path: string): void;
  error(error: unknown): void;
}

export interface TreeWatcherOptions {
  recursive: boolean;
  polling: boolean;
  /** Files and folders never worth a look (chokidar's `ignored` function). */
  ignored: (path: string, stats?: Stats) => boolean;
  /** Folders handed to one chokidar scan at a time (tests lower it to reach the edges). */
  batchSize?: number;
  /** Scans allowed to run at once. */
  concurrency?: number;
}

/**
 * Chokidar over a folder tree, one directory level per scan. Given a whole tree,
 * chokidar lists every folder at once: on 50,000 files that keeps ~100 MB of
 * garbage alive through the scan, which grows V8's heap (and RSS, which V8 gives
 * back slowly) far beyond what the watch keeps. Here each chokidar watcher has
 * `depth: 0`; the folders it reports are queued and handed out in small batches,
 * each to its own watcher, whose `ready` says the batch is listed. Once the
 * initial scan is over, a new folder is added to the first watcher right away.
 */
export class TreeWatcher {
  readonly #root: string;
  readonly #options: TreeWatcherOptions;
  readonly #handlers: TreeWatcherHandlers;
  readonly #watchers: FSWatcher[] = [];
  /** Every folder seen, with the watcher that lists it (none while it waits in the queue). */
  readonly #owners = new Map<string, FSWatcher | null>();
  readonly #queue: string[] = [];
  #scanning = 0;
  #initialDone = false;
  #closed = false;
  #resolveReady: () => void = () => undefined;
  /** Resolves once every folder that was there at the start has been listed. */
  readonly ready: Promise<void>;

  constructor(root: string, options: TreeWatcherOptions, handlers: TreeWatcherHandlers) {
    this.#root = root;
    this.#options = options;
    this.#handlers = handlers;
    this.ready = new Promise((resolve) => (this.#resolveReady = resolve));
    this.#scan([root]);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#queue.length = 0;
    await Promise.all(this.#watchers.map((w) => w.close()));
  }

  #chokidarOptions(): ChokidarOptions {
    return {
      ignoreInitial: false,
      depth: 0,
      backend: this.#options.polling ? 'polling' : 'auto',
      pollingInterval: 2000,
      pollingBinaryInterval: 2000,
      atomic: false,
      ignored: (path, stats) => path !== this.#root && this.#options.ignored(path, stats),
    };
  }

  #scan(folders: string[]): void {
    const watcher = watch(folders, this.#chokidarOptions());
    for (const folder of folders) this.#owners.set(folder, watcher);
    this.#watchers.push(watcher);
    this.#scanning++;
    watcher.on('add', (path, stats) => this.#handlers.add(path, stats));
    watcher.on('change', (path) => this.#handlers.change(path));
    watcher.on('unlink', (path) => this.#handlers.unlink(path));
    watcher.on('unlinkDir', (path) => {
      this.#folderGone(path);
      this.#handlers.unlinkDir(path);
    });
    watcher.on('error', (error) => this.#handlers.error(error));
    if (this.#options.recursive) watcher.on('addDir', (path) => this.#folderSeen(path));
    watcher.once('ready', () => {
      this.#scanning--;
      this.#pump();
    });
  }

  #folderSeen(path: string): void {
    if (this.#closed || this.#owners.has(path)) return;
    // A folder made while watching: listing it cannot pile up with thousands of others.
    const first = this.#watchers[0];
    if (this.#initialDone && first) {
      this.#owners.set(path, first);
      first.add(path);
    } else {
      this.#owners.set(path, null);
      this.#queue.push(path);
    }
  }

  /**
   * A folder (and so everything under it) went away. Its watcher lets it go: chokidar
   * would wait for it to come back but, at depth 0 from the nearest folder still there,
   * would not list it again. The parent's watcher reports it if it comes back.
   */
  #folderGone(path: string): void {
    if (path === this.#root) return;
    const inside = path + sep;
    for (const [folder, owner] of this.#owners) {
      if (folder !== path && !folder.startsWith(inside)) continue;
      owner?.unwatch(folder);
      this.#owners.delete(folder);
      const queued = this.#queue.indexOf(folder);
      if (queued >= 0) this.#queue.splice(queued, 1);
    }
  }

  #pump(): void {
    if (this.#closed) return;
    const batchSize = this.#options.batchSize ?? 8;
    const concurrency = this.#options.concurrency ?? 2;
    while (this.#queue.length > 0 && this.#scanning < concurrency)
      this.#scan(this.#queue.splice(0, batchSize));
    if (this.#queue.length === 0 && this.#scanning === 0 && !this.#initialDone) {
      this.#initialDone = true;
      this.#resolveReady();
    }
  }
}
