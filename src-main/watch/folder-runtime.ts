import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FolderStatus } from '../../src-shared/domain/watched-folder.ts';
import { classifyName } from '../../src-shared/watch/file-kinds.ts';
import type { Clock } from '../base/clock.ts';
import type { Logger } from '../logging/logger.ts';
import { StableGate } from './stable-gate.ts';
import { TreeWatcher } from './tree-watcher.ts';
import { toRel, type VideoProcessor } from './video-processor.ts';
import type { FileRecord, FolderRecord, WatchRepository } from './watch-repository.ts';

/** What the initial scan keeps of a video to offer. */
interface OfferFacts {
  rel: string;
  size: number;
  mtimeMs: number;
  seenAt: number;
}

export interface RuntimeDeps {
  repo: WatchRepository;
  processor: VideoProcessor;
  clock: Clock;
  log: Logger;
  /** How often the folder itself is looked for (offline detection). */
  presenceCheckMs: number;
  onChange(folderId: string): void;
}

/**
 * One watched folder at run time: a chokidar watcher while the folder is
 * there, a cheap presence check while it is not (unplugged drive, network
 * share), and the stable-file gate in front of the processor.
 */
export class FolderRuntime {
  readonly folder: FolderRecord;
  status: FolderStatus = 'starting';
  readonly #deps: RuntimeDeps;
  readonly #gate: StableGate;
  #watcher: TreeWatcher | null = null;
  #presence: (() => void) | null = null;
  #offerInitial: boolean;
  #stopped = false;
  readonly #busy = new Map<string, Promise<void>>();
  /** Resolves when the current watcher has finished its initial scan. */
  ready: Promise<void> = Promise.resolve();

  constructor(folder: FolderRecord, deps: RuntimeDeps, opts: { offerInitial: boolean }) {
    this.folder = folder;
    this.#deps = deps;
    this.#offerInitial = opts.offerInitial;
    this.#gate = new StableGate({
      clock: deps.clock,
      windowMs: folder.stabilityMs,
      onStable: (abs) => this.#run(toRel(folder.path, abs)),
      onError: (abs, error) => deps.log.warn('cannot read a watched file', { file: abs, error }),
    });
  }

  start(): void {
    if (!this.folder.enabled) {
      this.#setStatus('paused');
      return;
    }
    this.#schedulePresence();
    if (existsSync(this.folder.path)) this.#open();
    else this.#setStatus('offline');
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#presence?.();
    this.#gate.clear();
    await this.#close();
    await Promise.allSettled([...this.#busy.values()]);
  }

  /** Send a video through the stable-file gate again ("upload existing"). */
  settle(relPath: string): void {
    this.#gate.touch(join(this.folder.path, relPath));
  }

  /** Look at a video again now (after the user resolved a problem). */
  recheck(relPath: string): Promise<void> {
    return this.#run(relPath);
  }

  #setStatus(status: FolderStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.#deps.onChange(this.folder.id);
  }

  #isFolder(): boolean {
    try {
      return statSync(this.folder.path).isDirectory();
    } catch {
      return false;
    }
  }

  #schedulePresence(): void {
    this.#presence = this.#deps.clock.setTimeout(() => {
      if (this.#stopped) return;
      const present = this.#isFolder();
      if (!present && this.status !== 'offline') void this.#goOffline();
      else if (present && this.status === 'offline') this.#open();
      this.#schedulePresence();
    }, this.#deps.presenceCheckMs);
  }

  async #goOffline(): Promise<void> {
    this.#deps.log.info('watched folder went offline', { folder: this.folder.path });
    this.#gate.clear();
    this.#setStatus('offline');
    await this.#close();
  }

  async #close(): Promise<void> {
    const watcher = this.#watcher;
    this.#watcher = null;
    await watcher?.close();
  }

  #open(): void {
    const offering = this.#offerInitial;
    let initial = true;
    // Only the facts until the scan ends: 17,000 full records held through a scan cost ~8 MB more heap.
    const offers: OfferFacts[] = [];
    const watcher = new TreeWatcher(
      this.folder.path,
      {
        recursive: this.folder.recursive,
        polling: this.folder.polling,
        // Hidden folders and temp names never matter; skipping them keeps scans of big trees cheap.
        ignored: (path, stats) => {
          const kind = classifyName(path);
          if (kind === 'temporary') return true;
          // FIFOs, sockets and devices named like videos are never opened (one would block a thread).
          if (stats && !stats.isFile() && !stats.isDirectory()) return true;
          return stats?.isFile() === true && kind === 'other';
        },
      },
      {
        add: (abs, stats) => {
          const rel = toRel(this.folder.path, abs);
          const kind = classifyName(rel);
          if (kind !== 'video') return;
          if (initial && offering) offers.push(this.#offerFacts(rel, abs, stats));
          else if (initial) this.#rescan(rel, abs, stats);
          else this.#gate.touch(abs);
        },
        change: (abs) => {
          if (classifyName(abs) === 'video') this.#gate.touch(abs);
        },
        unlink: (abs) => this.#removed(abs),
        unlinkDir: () => {
          if (!this.#isFolder()) void this.#goOffline();
        },
        error: (error) => {
          this.#deps.log.warn('watcher error', { folder: this.folder.path, error });
          if (!this.#isFolder()) void this.#goOffline();
        },
      },
    );
    this.#watcher = watcher;
    this.ready = watcher.ready.then(() => {
      initial = false;
      this.#offerInitial = false;
      this.#deps.repo.insertOffers(this.#offers(offers));
      if (this.#watcher === watcher) this.#setStatus('watching');
      this.#deps.onChange(this.folder.id);
    });
  }

  #offerFacts(rel: string, abs: string, stats?: { size: number; mtimeMs: number }): OfferFacts {
    const s = stats ?? statSync(abs);
    return { rel, size: s.size, mtimeMs: Math.floor(s.mtimeMs), seenAt: this.#deps.clock.now() };
  }

  /** Videos that were there before the folder was added: the user decides. One record at a time. */
  *#offers(facts: OfferFacts[]): Generator<FileRecord> {
    for (const f of facts)
      yield {
        id: randomUUID(),
        folderId: this.folder.id,
        relPath: f.rel,
        size: f.size,
        mtimeMs: f.mtimeMs,
        contentHash: null,
        state: 'offered',
        problem: null,
        thumbnail: null,
        thumbnailChoice: undefined,
        title: null,
        jobIds: [],
        updatedAt: new Date(f.seenAt).toISOString(),
      };
  }

  /** A restart or a folder coming back: known, unchanged files cost one lookup, no hashing. */
  #rescan(rel: string, abs: string, stats?: { size: number; mtimeMs: number }): void {
    const known = this.#deps.repo.getFile(this.folder.id, rel);
    if (known && !stats) stats = statSync(abs, { throwIfNoEntry: false });
    if (
      known &&
      stats &&
      known.state !== 'waiting' &&
      known.size === stats.size &&
      known.mtimeMs === Math.floor(stats.mtimeMs)
    )
      return;
    this.#gate.touch(abs);
  }

  #removed(abs: string): void {
    this.#gate.forget(abs);
    // A vanished drive reports every file as removed: that is "offline", not "deleted".
    if (!this.#isFolder()) {
      void this.#goOffline();
      return;
    }
    const rel = toRel(this.folder.path, abs);
    const known = this.#deps.repo.getFile(this.folder.id, rel);
    // Queued, skipped and offered rows stay: they let a rename be recognised as the same video.
    if (known && known.state === 'waiting') {
      this.#deps.repo.deleteFile(known.id);
      this.#deps.onChange(this.folder.id);
    }
  }

  #run(rel: string): Promise<void> {
    const previous = this.#busy.get(rel) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (this.#stopped) return;
      try {
        const outcome = await this.#deps.processor.process(this.folder, rel);
        if (outcome.kind === 'retry') this.#gate.touch(join(this.folder.path, rel), outcome.inMs);
        else this.#deps.onChange(this.folder.id);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        this.#deps.log.warn('could not process a watched video', {
          folder: this.folder.path,
          file: rel,
          error,
        });
      }
    });
    this.#busy.set(rel, next);
    void next.finally(() => {
      if (this.#busy.get(rel) === next) this.#busy.delete(rel);
    });
    return next;
  }
}
