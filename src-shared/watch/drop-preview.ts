import { baseName, classifyName, stem } from './file-kinds.ts';
import { pairFiles } from './pairing.ts';

/** A file as the window sees it after a drop: the desktop knows its path, a browser does not. */
export interface DroppedFile {
  /** Unique within the drop: the relative path inside a dropped folder, or the name. */
  key: string;
  name: string;
  size: number;
  path: string | null;
}

export interface PreviewEntry {
  video: DroppedFile;
  thumbnail: DroppedFile | null;
  /** Images the user must choose between; empty once decided. */
  candidates: DroppedFile[];
  problem: string | null;
  title: string;
}

export interface DropPreview {
  entries: PreviewEntry[];
  /** Dropped files that are neither videos nor usable thumbnails. */
  ignored: string[];
}

/**
 * Pairs the files of one drop with the same rules as watched folders, so
 * what the preview shows is what a watched folder would have done.
 */
export function buildDropPreview(files: readonly DroppedFile[]): DropPreview {
  const byKey = new Map(files.map((f) => [f.key, f]));
  const result = pairFiles(
    files.map((f) => f.key),
    { folderRuleAtTop: true },
  );
  const entries = result.videos.map((v): PreviewEntry => {
    const video = byKey.get(v.video) as DroppedFile;
    const t = v.thumbnail;
    return {
      video,
      thumbnail: t.kind === 'paired' ? (byKey.get(t.image) ?? null) : null,
      candidates:
        t.kind === 'ambiguous'
          ? t.candidates.map((c) => byKey.get(c)).filter((f): f is DroppedFile => !!f)
          : [],
      problem: t.kind === 'ambiguous' ? t.reason : null,
      title: stem(baseName(video.name)),
    };
  });
  const used = new Set(entries.map((e) => e.video.key));
  for (const e of entries) for (const c of [e.thumbnail, ...e.candidates]) if (c) used.add(c.key);
  const ignored = files
    .filter((f) => !used.has(f.key) && classifyName(f.name) !== 'sidecar')
    .map((f) => f.name);
  return { entries, ignored };
}
