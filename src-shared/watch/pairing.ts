import { captionLanguageFor } from './captions.ts';
import { baseName, classifyName, dirName, stem } from './file-kinds.ts';
import { nameSimilarity } from './similarity.ts';

/**
 * Pairs videos with thumbnails and sidecar metadata by the rules a creator
 * expects, in order: same base name, a thumbnail suffix, similar names
 * (above a threshold, with a clear winner), one video + one image in its
 * own folder. Anything with more than one answer is reported as ambiguous,
 * never guessed. Pure and linear in the number of files, so the renderer's
 * drop preview and the engine's watcher share it.
 */
export type PairRule = 'same-name' | 'suffix' | 'similar' | 'folder' | 'manual';

export type ThumbnailMatch =
  | { kind: 'paired'; image: string; rule: PairRule }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: string[]; reason: string };

export type SidecarMatch =
  | { kind: 'found'; path: string }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: string[]; reason: string };

/** A caption track next to the video: ep12.en.srt (language "en") or ep12.srt (language null). */
export interface CaptionMatch {
  path: string;
  language: string | null;
}

export interface VideoPairing {
  video: string;
  thumbnail: ThumbnailMatch;
  sidecar: SidecarMatch;
  captions: CaptionMatch[];
}

export interface PairingResult {
  videos: VideoPairing[];
  /** Images no video took (logos, stills): shown, not uploaded. */
  unusedImages: string[];
}

export interface PairingOptions {
  /** Minimum name similarity for the fallback rule (0..1). */
  similarityThreshold?: number;
  /** How much the best candidate must beat the next one to count as a winner. */
  similarityMargin?: number;
  /** Apply the one-video-one-image rule at the top level too (a drop of two files). */
  folderRuleAtTop?: boolean;
  /** The user's own choices: video path -> image path, or null for "no thumbnail". */
  overrides?: ReadonlyMap<string, string | null>;
}

export const DEFAULT_SIMILARITY_THRESHOLD = 0.75;

// Lowercased; tried against the end of an image's base name.
const THUMBNAIL_SUFFIXES = ['thumbnail', 'thumb', 'cover', 'poster', 'preview'].flatMap((word) =>
  ['_', '-', '.', ' '].map((sep) => sep + word),
);

function thumbnailKey(imageStem: string): string | null {
  const lower = imageStem.toLowerCase();
  for (const suffix of THUMBNAIL_SUFFIXES)
    if (lower.endsWith(suffix) && lower.length > suffix.length)
      return lower.slice(0, -suffix.length);
  return null;
}

interface DirGroup {
  videos: string[];
  images: string[];
  sidecars: string[];
  captions: string[];
}

function groupByDir(paths: readonly string[]): Map<string, DirGroup> {
  const groups = new Map<string, DirGroup>();
  for (const path of paths) {
    const kind = classifyName(path);
    if (kind !== 'video' && kind !== 'image' && kind !== 'sidecar' && kind !== 'caption') continue;
    const dir = dirName(path);
    let group = groups.get(dir);
    if (!group) groups.set(dir, (group = { videos: [], images: [], sidecars: [], captions: [] }));
    if (kind === 'video') group.videos.push(path);
    else if (kind === 'image') group.images.push(path);
    else if (kind === 'caption') group.captions.push(path);
    else group.sidecars.push(path);
  }
  return groups;
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function matchSidecar(video: string, byStem: Map<string, string[]>): SidecarMatch {
  const name = baseName(video).toLowerCase();
  const found = [...(byStem.get(stem(name)) ?? []), ...(byStem.get(name) ?? [])];
  if (found.length === 0) return { kind: 'none' };
  if (found.length === 1) return { kind: 'found', path: found[0] as string };
  return {
    kind: 'ambiguous',
    candidates: found,
    reason: `${found.map(baseName).join(' and ')} all describe ${baseName(video)}: keep one.`,
  };
}

function matchCaptions(video: string, captions: readonly string[]): CaptionMatch[] {
  const videoStem = stem(baseName(video));
  const out: CaptionMatch[] = [];
  for (const path of captions) {
    const language = captionLanguageFor(videoStem, path);
    if (language !== undefined) out.push({ path, language });
  }
  return out;
}

function pairDir(dir: string, group: DirGroup, opts: PairingOptions, out: PairingResult): void {
  const threshold = opts.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const margin = opts.similarityMargin ?? 0.1;
  const exact = new Map<string, string[]>();
  const suffixed = new Map<string, string[]>();
  for (const image of group.images) {
    const s = stem(baseName(image));
    pushTo(exact, s.toLowerCase(), image);
    const key = thumbnailKey(s);
    if (key !== null) pushTo(suffixed, key, image);
  }
  const sidecarsByStem = new Map<string, string[]>();
  for (const sidecar of group.sidecars)
    pushTo(sidecarsByStem, stem(baseName(sidecar)).toLowerCase(), sidecar);

  const decided = new Map<string, ThumbnailMatch>();
  const claims = new Map<string, string[]>();
  const claim = (video: string, image: string, rule: PairRule): void => {
    decided.set(video, { kind: 'paired', image, rule });
    pushTo(claims, image, video);
  };

  for (const video of group.videos) {
    if (opts.overrides?.has(video)) {
      const image = opts.overrides.get(video) ?? null;
      if (image === null) decided.set(video, { kind: 'none' });
      else claim(video, image, 'manual');
      continue;
    }
    const key = stem(baseName(video)).toLowerCase();
    for (const [rule, list] of [
      ['same-name', exact.get(key)],
      ['suffix', suffixed.get(key)],
    ] as const) {
      if (!list || list.length === 0) continue;
      if (list.length === 1) claim(video, list[0] as string, rule);
      else
        decided.set(video, {
          kind: 'ambiguous',
          candidates: [...list],
          reason: `${list.length} images match ${baseName(video)} by name.`,
        });
      break;
    }
  }

  // One image claimed by two videos (ep12.mp4 and ep12.mov): neither gets it silently.
  for (const [image, videos] of claims) {
    if (videos.length < 2) continue;
    for (const video of videos) {
      if (opts.overrides?.has(video)) continue;
      decided.set(video, {
        kind: 'ambiguous',
        candidates: [image],
        reason: `${baseName(image)} matches ${videos.map(baseName).join(' and ')}.`,
      });
    }
  }

  const taken = new Set(claims.keys());
  const open = () => group.videos.filter((v) => !decided.has(v));
  const free = () => group.images.filter((i) => !taken.has(i));

  const pending = open();
  const spare = free();
  // Bounded so one enormous flat folder cannot stall a scan; such folders still pair by name.
  if (pending.length > 0 && spare.length > 0 && pending.length * spare.length <= 250_000) {
    const scores = pending.map((video) =>
      spare.map((image) => nameSimilarity(stem(baseName(video)), stem(baseName(image)))),
    );
    pending.forEach((video, vi) => {
      const row = scores[vi] as number[];
      const ranked = row
        .map((score, ii) => ({ score, ii }))
        .filter((c) => c.score >= threshold)
        .sort((a, b) => b.score - a.score);
      const best = ranked[0];
      if (!best) return;
      const runnerUp = ranked[1];
      const image = spare[best.ii] as string;
      const rivalVideo = pending.some(
        (other, oi) =>
          oi !== vi &&
          ((scores[oi] as number[])[best.ii] ?? 0) >= Math.max(threshold, best.score - margin),
      );
      if ((runnerUp && runnerUp.score >= best.score - margin) || rivalVideo) {
        decided.set(video, {
          kind: 'ambiguous',
          candidates: ranked.map((c) => spare[c.ii] as string),
          reason: `Several images have names close to ${baseName(video)}.`,
        });
        return;
      }
      claim(video, image, 'similar');
      taken.add(image);
    });
  }

  const lonely = open();
  const left = free();
  if ((dir !== '' || opts.folderRuleAtTop) && lonely.length === 1 && group.videos.length === 1) {
    const video = lonely[0] as string;
    if (left.length === 1) claim(video, left[0] as string, 'folder');
    else if (left.length > 1)
      decided.set(video, {
        kind: 'ambiguous',
        candidates: left,
        reason: `${left.length} images sit next to ${baseName(video)} and none is named after it.`,
      });
  }

  for (const video of group.videos)
    out.videos.push({
      video,
      thumbnail: decided.get(video) ?? { kind: 'none' },
      sidecar: matchSidecar(video, sidecarsByStem),
      captions: matchCaptions(video, group.captions),
    });
  const used = new Set<string>();
  for (const v of out.videos) if (v.thumbnail.kind === 'paired') used.add(v.thumbnail.image);
  for (const image of group.images) if (!used.has(image)) out.unusedImages.push(image);
}

export function pairFiles(paths: readonly string[], opts: PairingOptions = {}): PairingResult {
  const out: PairingResult = { videos: [], unusedImages: [] };
  for (const [dir, group] of groupByDir(paths)) pairDir(dir, group, opts, out);
  return out;
}
