import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import type {
  FolderAddInputSchema,
  FolderUpdateInputSchema,
} from '../../src-shared/api/folders.ts';
import { AppError } from '../../src-shared/api/errors.ts';
import {
  FolderTemplateSchema,
  type FolderTemplate,
  type WatchItem,
  type WatchedFolder,
} from '../../src-shared/domain/watched-folder.ts';
import { unknownVariables } from '../../src-shared/watch/template.ts';
import type { Clock } from '../base/clock.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { SlotPlanner, UploadEnqueuer } from '../uploads/upload-request.ts';
import { FolderRuntime } from './folder-runtime.ts';
import { SidecarParser } from './sidecar-parser.ts';
import { VideoProcessor, type PresetFinder } from './video-processor.ts';
import type { VideoProbe } from './video-probe.ts';
import { toWatchItem, type FileRecord, type WatchRepository } from './watch-repository.ts';

export interface WatchServiceDeps {
  repo: WatchRepository;
  enqueuer: UploadEnqueuer;
  clock: Clock;
  log: Logger;
  events: EventHub;
  probe: VideoProbe | null;
  presenceCheckMs?: number;
  presets?: PresetFinder;
  slots?: SlotPlanner;
}

type AddOutput = z.output<typeof FolderAddInputSchema>;
type AddInput = Omit<AddOutput, 'preset' | 'schedule'> &
  Partial<Pick<AddOutput, 'preset' | 'schedule'>>;
type UpdateInput = z.output<typeof FolderUpdateInputSchema>;

const notFound = (what: string) => new AppError('not_found', `${what} is not known.`);

function checkTemplate(template: FolderTemplate): void {
  const texts = [template.title, template.description, ...template.tags];
  const bad = texts.flatMap(unknownVariables);
  if (bad.length)
    throw new AppError(
      'invalid_input',
      `template: unknown variable ${bad.join(', ')}; use {filename}, {date}, {folder} or {n}.`,
    );
}

/** Watched folders: their records, their runtimes, and the user's decisions about their videos. */
export class WatchService {
  readonly #deps: WatchServiceDeps;
  readonly #processor: VideoProcessor;
  readonly #sidecars = new SidecarParser();
  readonly #runtimes = new Map<string, FolderRuntime>();
  #announce: (() => void) | null = null;

  constructor(deps: WatchServiceDeps) {
    this.#deps = deps;
    this.#processor = new VideoProcessor({ ...deps, sidecars: this.#sidecars });
  }

  start(): void {
    for (const folder of this.#deps.repo.listFolders()) this.#launch(folder.id, false);
  }

  async close(): Promise<void> {
    this.#announce?.();
    await Promise.all([...this.#runtimes.values()].map((r) => r.stop()));
    this.#runtimes.clear();
    await this.#sidecars.close();
  }

  /** For tests and the CLI: resolves when every folder has finished its initial scan. */
  async ready(): Promise<void> {
    await Promise.all([...this.#runtimes.values()].map((r) => r.ready));
  }

  list(): WatchedFolder[] {
    return this.#deps.repo.listFolders().map((f) => this.#view(f.id));
  }

  async add(input: AddInput): Promise<WatchedFolder> {
    const path = resolve(input.path);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) throw new AppError('invalid_input', `path: ${path} does not exist.`);
    if (!stats.isDirectory()) throw new AppError('invalid_input', `path: ${path} is not a folder.`);
    if (this.#deps.repo.listFolders().some((f) => f.path === path))
      throw new AppError('already_exists', `${path} is already watched.`);
    const template = FolderTemplateSchema.parse(input.template ?? {});
    checkTemplate(template);
    this.#checkPreset(input.preset ?? null, input.channelIds);
    const id = randomUUID();
    this.#deps.repo.saveFolder({
      id,
      path,
      channelIds: input.channelIds,
      template,
      recursive: input.recursive,
      enabled: input.enabled,
      polling: input.polling,
      stabilityMs: Math.round(input.stabilitySeconds * 1000),
      createdAt: new Date(this.#deps.clock.now()).toISOString(),
      preset: input.preset ?? null,
      schedule: input.schedule ?? null,
    });
    await this.#launch(id, true).ready;
    this.#changed();
    return this.#view(id);
  }

  async update(input: UpdateInput): Promise<WatchedFolder> {
    const folder = this.#deps.repo.getFolder(input.id);
    if (!folder) throw notFound('This folder');
    const template = FolderTemplateSchema.parse({ ...folder.template, ...input.template });
    checkTemplate(template);
    this.#checkPreset(
      input.preset === undefined ? folder.preset : input.preset,
      input.channelIds ?? folder.channelIds,
    );
    this.#deps.repo.saveFolder({
      ...folder,
      template,
      channelIds: input.channelIds ?? folder.channelIds,
      recursive: input.recursive ?? folder.recursive,
      polling: input.polling ?? folder.polling,
      enabled: input.enabled ?? folder.enabled,
      stabilityMs:
        input.stabilitySeconds === undefined
          ? folder.stabilityMs
          : Math.round(input.stabilitySeconds * 1000),
      preset: input.preset === undefined ? folder.preset : input.preset,
      schedule: input.schedule === undefined ? folder.schedule : input.schedule,
    });
    await this.#runtimes.get(folder.id)?.stop();
    await this.#launch(folder.id, false).ready;
    this.#changed();
    return this.#view(folder.id);
  }

  async remove(ref: { id?: string; path?: string }): Promise<{ removed: boolean }> {
    const folder = this.#deps.repo
      .listFolders()
      .find((f) => f.id === ref.id || (ref.path !== undefined && f.path === resolve(ref.path)));
    if (!folder) return { removed: false };
    await this.#runtimes.get(folder.id)?.stop();
    this.#runtimes.delete(folder.id);
    // Fingerprints stay: adding the folder again must not upload its videos twice.
    this.#deps.repo.deleteFolder(folder.id);
    this.#changed();
    return { removed: true };
  }

  items(folderId: string): WatchItem[] {
    return this.#deps.repo.listFiles(folderId).map(toWatchItem);
  }

  async resolveOffer(
    folderId: string,
    choice: 'upload_existing' | 'only_new',
  ): Promise<WatchedFolder> {
    const folder = this.#deps.repo.getFolder(folderId);
    if (!folder) throw notFound('This folder');
    const offered = this.#deps.repo.listFiles(folderId).filter((f) => f.state === 'offered');
    const runtime = this.#runtimes.get(folderId);
    for (const file of offered) {
      if (!existsSync(join(folder.path, file.relPath))) {
        this.#deps.repo.deleteFile(file.id);
        continue;
      }
      if (choice === 'only_new') this.#save({ ...file, state: 'skipped' });
      else this.#save({ ...file, state: 'waiting', problem: null });
    }
    // Through the gate: a file that was still being written when the folder was added waits.
    if (choice === 'upload_existing' && runtime) for (const f of offered) runtime.settle(f.relPath);
    this.#changed();
    return this.#view(folderId);
  }

  async chooseThumbnail(itemId: string, image: string | null): Promise<WatchItem> {
    const file = this.#file(itemId);
    this.#save({ ...file, thumbnailChoice: image, state: 'waiting' });
    return this.retry(itemId);
  }

  async retry(itemId: string): Promise<WatchItem> {
    const file = this.#file(itemId);
    if (file.state !== 'waiting')
      throw new AppError('invalid_state', `${file.relPath} is ${file.state}, not waiting.`);
    await this.#runtimes.get(file.folderId)?.recheck(file.relPath);
    return toWatchItem(this.#file(itemId));
  }

  async uploadAgain(itemId: string): Promise<WatchItem> {
    const file = this.#file(itemId);
    const folder = this.#deps.repo.getFolder(file.folderId);
    if (!folder) throw notFound('This folder');
    await this.#processor.uploadAgain(folder, file);
    this.#changed();
    return toWatchItem(this.#file(itemId));
  }

  /** A folder's preset must exist for each of its channels (its own, or a global one). */
  #checkPreset(name: string | null, channelIds: readonly string[]): void {
    if (name === null || !this.#deps.presets) return;
    const missing = channelIds.filter((c) => !this.#deps.presets?.find(name, c));
    if (missing.length)
      throw new AppError(
        'invalid_input',
        `preset: no preset named "${name}" for channel ${missing.join(', ')} or global; see \`dropline presets list\`.`,
      );
  }

  #file(itemId: string): FileRecord {
    const file = this.#deps.repo.getFileById(itemId);
    if (!file) throw notFound('This video');
    return file;
  }

  #save(file: FileRecord): void {
    this.#deps.repo.saveFile({
      ...file,
      updatedAt: new Date(this.#deps.clock.now()).toISOString(),
    });
  }

  #launch(id: string, offerInitial: boolean): FolderRuntime {
    const folder = this.#deps.repo.getFolder(id);
    if (!folder) throw notFound('This folder');
    const runtime = new FolderRuntime(
      folder,
      {
        repo: this.#deps.repo,
        processor: this.#processor,
        clock: this.#deps.clock,
        log: this.#deps.log,
        presenceCheckMs: this.#deps.presenceCheckMs ?? 5000,
        onChange: () => this.#changed(),
      },
      { offerInitial },
    );
    this.#runtimes.set(id, runtime);
    runtime.start();
    return runtime;
  }

  #view(id: string): WatchedFolder {
    const folder = this.#deps.repo.getFolder(id);
    if (!folder) throw notFound('This folder');
    const counts = this.#deps.repo.counts(id);
    return {
      id: folder.id,
      path: folder.path,
      channelIds: folder.channelIds,
      template: folder.template,
      recursive: folder.recursive,
      enabled: folder.enabled,
      polling: folder.polling,
      stabilitySeconds: folder.stabilityMs / 1000,
      preset: folder.preset,
      schedule: folder.schedule,
      status: this.#runtimes.get(id)?.status ?? 'paused',
      counts: { offered: counts.offered, waiting: counts.waiting, queued: counts.queued },
      createdAt: folder.createdAt,
    };
  }

  /** Coalesced: a burst of file events becomes one announcement. */
  #changed(): void {
    if (this.#announce) return;
    this.#announce = this.#deps.clock.setTimeout(() => {
      this.#announce = null;
      this.#deps.events.emit('folders.changed', { folders: this.list() });
    }, 100);
  }
}
