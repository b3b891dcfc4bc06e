import type { VideoMetadata } from '../../src-shared/domain/metadata.ts';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { WatchProblem } from '../../src-shared/domain/watched-folder.ts';
import { dirName } from '../../src-shared/watch/file-kinds.ts';
import { pairFiles, type CaptionMatch } from '../../src-shared/watch/pairing.ts';
import { captionProblem } from '../../src-shared/watch/captions.ts';
import { templateValues, type TemplateValues } from '../../src-shared/watch/template.ts';
import type { PresetFields, ScheduleChoice } from '../../src-shared/publishing/preset.ts';
import type { Clock } from '../base/clock.ts';
import type { SlotPlanner, UploadEnqueuer } from '../uploads/upload-request.ts';
import { composeMetadata } from './compose-metadata.ts';
import { fingerprintFile } from './fingerprint.ts';
import { FileRefusal } from '../base/regular-file.ts';
import { findNeighbours } from './neighbours.ts';
import { readSidecar } from './read-sidecar.ts';
import { findRenamed } from './find-renamed.ts';
import type { SidecarResult } from './sidecar.ts';
import type { SidecarParser } from './sidecar-parser.ts';
import type { VideoProbe } from './video-probe.ts';
import type { FileRecord, FolderRecord, WatchRepository } from './watch-repository.ts';

/** Finds a folder's preset for a channel (its own of that name, else the global one). */
export interface PresetFinder {
  find(name: string, channelId: string | null): { name: string; fields: PresetFields } | null;
}

export interface ProcessorDeps {
  repo: WatchRepository;
  enqueuer: UploadEnqueuer;
  clock: Clock;
  probe: VideoProbe | null;
  presets?: PresetFinder;
  slots?: SlotPlanner;
  sidecars: SidecarParser;
}

/** What one channel's job of a video gets. */
interface ChannelPlan {
  channelId: string;
  metadata: VideoMetadata;
  schedule: ScheduleChoice | null;
}

type Sidecar = { file: string; result: SidecarResult } | null;

type Prepared =
  | { ok: true; plans: ChannelPlan[]; captions: { file: string; language: string }[] }
  | { ok: false; problem: WatchProblem };

/** What became of a stable video; `retryInMs` asks the gate to look again later. */
export type ProcessOutcome =
  | { kind: 'queued'; jobIds: string[] }
  | { kind: 'known' }
  | { kind: 'offered' }
  | { kind: 'waiting'; problem: WatchProblem }
  | { kind: 'retry'; inMs: number };

const toRel = (root: string, abs: string): string => relative(root, abs).split(sep).join('/');

/**
 * Takes one stable video of a folder through fingerprint, pairing, sidecar
 * and template, and queues it once per channel that has not had it.
 */
export class VideoProcessor {
  readonly #deps: ProcessorDeps;

  constructor(deps: ProcessorDeps) {
    this.#deps = deps;
  }

  #now(): string {
    return new Date(this.#deps.clock.now()).toISOString();
  }

  async process(folder: FolderRecord, relPath: string): Promise<ProcessOutcome> {
    const { repo, clock } = this.#deps;
    const abs = join(folder.path, relPath);
    const windowMs = folder.stabilityMs;
    const near = await findNeighbours(folder.path, relPath);
    // A thumbnail or sidecar still being written (or a ".part" twin) holds the video back.
    const quietFor = clock.now() - near.newest;
    if (near.partialTwin) return { kind: 'retry', inMs: windowMs };
    if (quietFor < windowMs) return { kind: 'retry', inMs: windowMs - quietFor };

    const existing = repo.getFile(folder.id, relPath);
    const s = await stat(abs);
    if (
      existing &&
      existing.state !== 'waiting' &&
      existing.size === s.size &&
      existing.mtimeMs === Math.floor(s.mtimeMs)
    )
      return { kind: existing.state === 'offered' ? 'offered' : 'known' };

    let print;
    try {
      print = await fingerprintFile(abs);
    } catch (error) {
      if (!(error instanceof FileRefusal) || error.reason === 'missing') throw error;
      return this.#waitOn(existing, folder, relPath, s, {
        code: 'unreadable_video',
        message: error.message,
        candidates: [],
      });
    }
    if (existing && existing.state !== 'waiting') {
      // A touch: same content, new mtime. An offer stays an offer, a queued video stays queued.
      if (
        existing.contentHash === print.hash ||
        (existing.contentHash === null &&
          existing.size === print.size &&
          existing.state !== 'queued')
      ) {
        repo.saveFile({
          ...existing,
          mtimeMs: print.mtimeMs,
          contentHash: print.hash,
          updatedAt: this.#now(),
        });
        return { kind: existing.state === 'offered' ? 'offered' : 'known' };
      }
    }
    // A rename: the same content under a path that no longer exists.
    const moved = findRenamed(this.#deps.repo, folder, print);
    if (moved && moved.id !== existing?.id) {
      if (existing) repo.deleteFile(existing.id);
      repo.saveFile({
        ...moved,
        relPath,
        mtimeMs: print.mtimeMs,
        contentHash: print.hash,
        updatedAt: this.#now(),
      });
      return { kind: moved.state === 'offered' ? 'offered' : 'known' };
    }
    const record: FileRecord = existing ?? {
      id: randomUUID(),
      folderId: folder.id,
      relPath,
      size: print.size,
      mtimeMs: print.mtimeMs,
      contentHash: print.hash,
      state: 'waiting',
      problem: null,
      thumbnail: null,
      thumbnailChoice: undefined,
      title: null,
      jobIds: [],
      updatedAt: this.#now(),
    };
    Object.assign(record, { size: print.size, mtimeMs: print.mtimeMs, contentHash: print.hash });

    const channels = folder.channelIds.filter(
      (c) => !repo.hasFingerprint(c, print.size, print.hash),
    );
    if (channels.length === 0) {
      // The jobs that have it are kept on the item: the UI says why it was skipped and links them.
      const jobIds = repo.fingerprintJobIds(folder.channelIds, print.size, print.hash);
      repo.saveFile({ ...record, state: 'skipped', problem: null, jobIds, updatedAt: this.#now() });
      return { kind: 'known' };
    }

    const wait = (problem: WatchProblem): ProcessOutcome => {
      repo.saveFile({ ...record, state: 'waiting', problem, updatedAt: this.#now() });
      return { kind: 'waiting', problem };
    };

    if (this.#deps.probe) {
      const probed = await this.#deps.probe.probe(abs);
      if (!probed.ok)
        return wait({
          code: 'unreadable_video',
          message: `${relPath}: ${probed.reason}.`,
          candidates: [],
        });
    }

    const overrides = new Map<string, string | null>();
    if (record.thumbnailChoice !== undefined) overrides.set(relPath, record.thumbnailChoice);
    const paired = pairFiles(near.companions, { overrides }).videos.find(
      (v) => v.video === relPath,
    );
    if (paired?.thumbnail.kind === 'ambiguous')
      return wait({
        code: 'ambiguous_thumbnail',
        message: paired.thumbnail.reason,
        candidates: paired.thumbnail.candidates,
      });
    if (paired?.sidecar.kind === 'ambiguous')
      return wait({
        code: 'ambiguous_sidecar',
        message: paired.sidecar.reason,
        candidates: paired.sidecar.candidates,
      });
    const thumbnail = paired?.thumbnail.kind === 'paired' ? paired.thumbnail.image : null;
    const sidecarPath = paired?.sidecar.kind === 'found' ? paired.sidecar.path : null;
    const sidecar = sidecarPath
      ? {
          file: sidecarPath,
          result: await readSidecar(this.#deps.sidecars, folder.path, sidecarPath),
        }
      : null;

    const valuesFor = (n: number) =>
      templateValues({
        fileName: basename(relPath),
        folderName: basename(join(folder.path, dirName(relPath))),
        mtimeMs: print.mtimeMs,
        n,
      });
    const captions = paired?.captions ?? [];
    const checked = this.#prepare(folder, channels, sidecar, captions, valuesFor(0));
    if (!checked.ok) return wait(checked.problem);

    // The jobs, their fingerprints and the file's state commit together: a crash leaves all or none.
    const jobIds = repo.db.transaction(() => {
      const prepared = this.#prepare(
        folder,
        channels,
        sidecar,
        captions,
        valuesFor(repo.nextCounter(folder.id)),
      );
      if (!prepared.ok) throw new Error(prepared.problem.message);
      const ids = this.#enqueueWithFingerprints(folder, abs, prepared, thumbnail, print);
      repo.saveFile({
        ...record,
        state: 'queued',
        problem: null,
        thumbnail,
        title: prepared.plans[0]?.metadata.title ?? null,
        jobIds: [...record.jobIds, ...ids],
        updatedAt: this.#now(),
      });
      return ids;
    })();
    return { kind: 'queued', jobIds };
  }

  /**
   * Each channel's metadata (template, then the folder's preset for that
   * channel, then the sidecar), its schedule, and the captions; or the
   * problem the video waits on.
   */
  #prepare(
    folder: FolderRecord,
    channels: string[],
    sidecar: Sidecar,
    found: CaptionMatch[],
    values: TemplateValues,
  ): Prepared {
    const wait = (code: WatchProblem['code'], message: string): Prepared => ({
      ok: false,
      problem: { code, message, candidates: [] },
    });
    const plans: ChannelPlan[] = [];
    for (const channelId of channels) {
      const preset = folder.preset
        ? (this.#deps.presets?.find(folder.preset, channelId) ?? null)
        : null;
      if (folder.preset && !preset)
        return wait(
          'unknown_preset',
          `The folder uses preset "${folder.preset}", which does not exist for channel ${channelId}; create it or change the folder's preset.`,
        );
      const composed = composeMetadata(folder.template, values, sidecar, preset);
      if (!composed.ok) return wait('invalid_sidecar', composed.message);
      const schedule = folder.schedule ?? preset?.fields.schedule ?? null;
      if (schedule !== null) {
        const slot =
          this.#deps.slots?.nextSlot(channelId, schedule, this.#deps.clock.now()) ?? null;
        if (slot === null)
          return wait(
            'no_schedule',
            schedule === 'channel'
              ? `The folder publishes on its channels' schedules, but channel ${channelId} has none; set one (dropline schedule set ${channelId} --rrule ... --tz ...), then retry.`
              : `The schedule of preset "${folder.preset}" has no slot after now; fix it, then retry.`,
          );
      }
      plans.push({ channelId, metadata: composed.metadata, schedule });
    }
    const captions: { file: string; language: string }[] = [];
    for (const c of found) {
      const language = c.language ?? plans[0]?.metadata.defaultLanguage ?? null;
      const file = join(folder.path, c.path);
      const size = statSync(file, { throwIfNoEntry: false });
      const problem = captionProblem({ file, language }, size?.isFile() ? size.size : null);
      if (problem) return wait('invalid_caption', `${problem}.`);
      captions.push({ file, language: language as string });
    }
    return { ok: true, plans, captions };
  }

  /** A video that is not a regular file: it waits with the problem named, nothing is read. */
  #waitOn(
    existing: FileRecord | null,
    folder: FolderRecord,
    relPath: string,
    s: { size: number; mtimeMs: number },
    problem: WatchProblem,
  ): ProcessOutcome {
    this.#deps.repo.saveFile({
      ...(existing ?? {
        id: randomUUID(),
        folderId: folder.id,
        relPath,
        contentHash: null,
        thumbnail: null,
        thumbnailChoice: undefined,
        title: null,
        jobIds: [],
      }),
      size: s.size,
      mtimeMs: Math.floor(s.mtimeMs),
      state: 'waiting',
      problem,
      updatedAt: this.#now(),
    });
    return { kind: 'waiting', problem };
  }

  /** Queues one job per channel and records each (content, channel) fingerprint; call inside a transaction. */
  #enqueueWithFingerprints(
    folder: FolderRecord,
    abs: string,
    prepared: Extract<Prepared, { ok: true }>,
    thumbnail: string | null,
    print: { size: number; mtimeMs: number; hash: string },
  ): string[] {
    const ids = prepared.plans.flatMap((plan) =>
      this.#deps.enqueuer.enqueue({
        file: abs,
        channelIds: [plan.channelId],
        metadata: plan.metadata,
        thumbnail: thumbnail ? join(folder.path, thumbnail) : null,
        source: { kind: 'watch', folderId: folder.id },
        captions: prepared.captions,
        schedule: plan.schedule,
      }),
    );
    prepared.plans.forEach(({ channelId }, i) =>
      this.#deps.repo.addFingerprint({
        channelId,
        size: print.size,
        hash: print.hash,
        mtimeMs: print.mtimeMs,
        filePath: abs,
        folderId: folder.id,
        jobId: ids[i] ?? null,
        at: this.#now(),
      }),
    );
    return ids;
  }

  /** "Upload again": the user's explicit choice, past every fingerprint. */
  async uploadAgain(folder: FolderRecord, file: FileRecord): Promise<string[]> {
    const abs = join(folder.path, file.relPath);
    const print = await fingerprintFile(abs);
    const { repo } = this.#deps;
    const values = templateValues({
      fileName: basename(file.relPath),
      folderName: basename(join(folder.path, dirName(file.relPath))),
      mtimeMs: print.mtimeMs,
      n: 0,
    });
    const near = await findNeighbours(folder.path, file.relPath);
    const paired = pairFiles(near.companions).videos.find((v) => v.video === file.relPath);
    const sidecarPath = paired?.sidecar.kind === 'found' ? paired.sidecar.path : null;
    const sidecar = sidecarPath
      ? {
          file: sidecarPath,
          result: await readSidecar(this.#deps.sidecars, folder.path, sidecarPath),
        }
      : null;
    return repo.db.transaction(() => {
      const prepared = this.#prepare(folder, folder.channelIds, sidecar, paired?.captions ?? [], {
        ...values,
        n: String(repo.nextCounter(folder.id)),
      });
      if (!prepared.ok) throw new Error(prepared.problem.message);
      const ids = this.#enqueueWithFingerprints(folder, abs, prepared, file.thumbnail, print);
      repo.saveFile({
        ...file,
        state: 'queued',
        problem: null,
        contentHash: print.hash,
        title: prepared.plans[0]?.metadata.title ?? null,
        jobIds: [...file.jobIds, ...ids],
        updatedAt: this.#now(),
      });
      return ids;
    })();
  }
}

export { toRel };
