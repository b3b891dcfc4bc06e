/**
 * What a file in a watched folder or a drop is, judged by its name only.
 * Shared by the engine (watched folders) and the renderer (drop preview).
 */
export type FileKind = 'video' | 'image' | 'sidecar' | 'caption' | 'temporary' | 'other';

export const VIDEO_EXTENSIONS: ReadonlySet<string> = new Set([
  'mp4',
  'mov',
  'm4v',
  'mkv',
  'webm',
  'avi',
  'wmv',
  'flv',
  'mpg',
  'mpeg',
  'ts',
  'mts',
  'm2ts',
  '3gp',
  'ogv',
]);
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['jpg', 'jpeg', 'png', 'webp']);
export const SIDECAR_EXTENSIONS: ReadonlySet<string> = new Set(['json', 'yaml', 'yml', 'txt']);
/** Caption tracks YouTube reads (SubRip, WebVTT, SubViewer). */
export const CAPTION_FILE_EXTENSIONS: ReadonlySet<string> = new Set(['srt', 'vtt', 'sbv']);

// Names that browsers, download managers, editors and OSes use while a file is incomplete.
const TEMPORARY_SUFFIXES = [
  '.part',
  '.partial',
  '.tmp',
  '.temp',
  '.crdownload',
  '.download',
  '.opdownload',
  '.!ut',
  '.!qb',
  '.bc!',
  '.aria2',
  '.swp',
  '.filepart',
  '.inprogress',
  '~',
];
const TEMPORARY_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);

/** The last path segment, for both '/' and '\\' separators. */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut === -1 ? path : path.slice(cut + 1);
}

/** Everything before the last segment ('' at the top). */
export function dirName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut === -1 ? '' : path.slice(0, cut);
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

/** True for names a writer uses before the file is complete, and for hidden files. */
export function isTemporaryName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('.') || lower.startsWith('~$') || lower.startsWith('._')) return true;
  if (TEMPORARY_NAMES.has(lower)) return true;
  return TEMPORARY_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

export function classifyName(path: string): FileKind {
  const name = baseName(path);
  if (isTemporaryName(name)) return 'temporary';
  const ext = extensionOf(name);
  if (VIDEO_EXTENSIONS.has(ext)) return 'video';
  if (IMAGE_EXTENSIONS.has(ext)) return 'image';
  if (SIDECAR_EXTENSIONS.has(ext)) return 'sidecar';
  if (CAPTION_FILE_EXTENSIONS.has(ext)) return 'caption';
  return 'other';
}
