import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { z } from 'zod';
import type { DropItemSchema, DropResultSchema } from '../../src-shared/api/folders.ts';
import { metadataIssues } from '../../src-shared/domain/metadata-limits.ts';
import { classifyName } from '../../src-shared/watch/file-kinds.ts';
import type { Clock } from '../base/clock.ts';
import type { UploadEnqueuer } from '../uploads/upload-request.ts';
import { fingerprintFile } from './fingerprint.ts';
import type { WatchRepository } from './watch-repository.ts';

type DropItem = z.output<typeof DropItemSchema>;
type DropResult = z.output<typeof DropResultSchema>;

/**
 * Queues the videos of a confirmed drop. The desktop window sends real
 * paths. A browser cannot (it only sees names, sizes and bytes), and
 * copying gigabytes over the local socket into the data folder would double
 * the disk use; so a browser drop is matched by name and size against the
 * videos the engine already watches, and anything else gets a clear answer
 * pointing at a watched folder or `dropline upload`.
 */
export class DropService {
  readonly #repo: WatchRepository;
  readonly #enqueuer: UploadEnqueuer;
  readonly #clock: Clock;

  constructor(repo: WatchRepository, enqueuer: UploadEnqueuer, clock: Clock) {
    this.#repo = repo;
    this.#enqueuer = enqueuer;
    this.#clock = clock;
  }

  async queue(items: DropItem[]): Promise<DropResult[]> {
    const out: DropResult[] = [];
    for (const item of items) {
      try {
        out.push(await this.#queueOne(item));
      } catch (error) {
        out.push({
          name: item.name,
          jobIds: [],
          alreadyQueued: [],
          error: (error as Error).message,
        });
      }
    }
    return out;
  }

  /** A watched video with this name and size, if exactly one exists. */
  #findWatched(name: string, size: number): string | null {
    const hits: string[] = [];
    for (const folder of this.#repo.listFolders())
      for (const file of this.#repo.listFiles(folder.id)) {
        if (file.size !== size || basename(file.relPath) !== name) continue;
        const abs = join(folder.path, file.relPath);
        if (existsSync(abs)) hits.push(abs);
      }
    return hits.length === 1 ? (hits[0] as string) : null;
  }

  #resolveVideo(item: DropItem): string {
    if (classifyName(item.name) !== 'video')
      throw new Error(`${item.name} is not a video Dropline can upload.`);
    if (item.path === null) {
      const found = this.#findWatched(item.name, item.size);
      if (found) return found;
      throw new Error(
        `${item.name}: a browser cannot give Dropline the file itself. Put it in a watched folder, use the desktop app, or run \`dropline upload\`.`,
      );
    }
    if (!isAbsolute(item.path)) throw new Error(`${item.name}: the path must be absolute.`);
    const stats = statSync(item.path, { throwIfNoEntry: false });
    if (!stats?.isFile()) throw new Error(`${item.path} does not exist.`);
    if (stats.size !== item.size)
      throw new Error(
        `${item.path} changed since it was dropped (size ${stats.size}, not ${item.size}).`,
      );
    return item.path;
  }

  #resolveThumbnail(item: DropItem, video: string): string | null {
    if (item.thumbnailPath !== null) {
      if (!existsSync(item.thumbnailPath)) throw new Error(`${item.thumbnailPath} does not exist.`);
      return item.thumbnailPath;
    }
    if (item.thumbnailName === null) return null;
    const beside = join(dirname(video), item.thumbnailName);
    if (existsSync(beside)) return beside;
    throw new Error(
      `${item.thumbnailName} was not found next to ${basename(video)}; the video was not queued without it.`,
    );
  }

  async #queueOne(item: DropItem): Promise<DropResult> {
    const issues = metadataIssues(item.metadata);
    if (issues.length)
      throw new Error(issues.map((i) => `${item.name}, ${i.field}: ${i.message}`).join('; '));
    const file = this.#resolveVideo(item);
    const thumbnail = this.#resolveThumbnail(item, file);
    const print = await fingerprintFile(file);
    const repo = this.#repo;
    const at = new Date(this.#clock.now()).toISOString();
    return repo.db.transaction(() => {
      const alreadyQueued = item.channelIds.filter((c) =>
        repo.hasFingerprint(c, print.size, print.hash),
      );
      const channels = item.channelIds.filter((c) => !alreadyQueued.includes(c));
      const jobIds = channels.length
        ? this.#enqueuer.enqueue({
            file,
            channelIds: channels,
            metadata: item.metadata,
            thumbnail,
            source: { kind: 'ui' },
          })
        : [];
      channels.forEach((channelId, i) =>
        repo.addFingerprint({
          channelId,
          size: print.size,
          hash: print.hash,
          mtimeMs: print.mtimeMs,
          filePath: file,
          folderId: null,
          jobId: jobIds[i] ?? null,
          at,
        }),
      );
      return { name: item.name, jobIds, alreadyQueued, error: null };
    })();
  }
}
