import { baseName, CAPTION_FILE_EXTENSIONS, extensionOf, stem } from './file-kinds.ts';
import { languageProblem } from '../domain/language.ts';

/**
 * Caption files YouTube's captions.insert reads (SubRip, WebVTT, SubViewer);
 * at most 100 MB each (the method's media upload limit).
 */
export const CAPTION_EXTENSIONS = CAPTION_FILE_EXTENSIONS;
export const captionLimits = { maxBytes: 100 * 1024 * 1024 } as const;

export interface CaptionRef {
  file: string;
  language: string;
  name?: string;
}

/**
 * The language a caption file names after the video's stem: for ep12.mp4,
 * ep12.en.srt is English and ep12.pt-BR.vtt Brazilian Portuguese; ep12.srt
 * names none (null). Returns undefined when the file is not that video's.
 */
export function captionLanguageFor(
  videoStem: string,
  captionPath: string,
): string | null | undefined {
  const name = baseName(captionPath);
  if (!CAPTION_EXTENSIONS.has(extensionOf(name))) return undefined;
  const rest = stem(name);
  if (rest.toLowerCase() === videoStem.toLowerCase()) return null;
  const prefix = `${videoStem.toLowerCase()}.`;
  if (!rest.toLowerCase().startsWith(prefix)) return undefined;
  const language = rest.slice(prefix.length);
  return language.includes('.') ? undefined : language;
}

/** `FILE:LANG` of `dropline upload --caption`; without `:LANG` the language comes from the name. */
export function parseCaptionArg(arg: string): { file: string; language: string | null } {
  const m = /^(.*):([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$/.exec(arg);
  if (m && m[1] && !/^[A-Za-z]$/.test(m[1])) return { file: m[1], language: m[2] as string };
  const name = baseName(arg);
  const parts = name.split('.');
  const language = parts.length >= 3 ? (parts[parts.length - 2] as string) : null;
  return { file: arg, language };
}

/** Why a caption cannot be sent, named by file; null when it can. */
export function captionProblem(
  c: { file: string; language: string | null },
  size: number | null,
): string | null {
  const name = baseName(c.file);
  if (!CAPTION_EXTENSIONS.has(extensionOf(name)))
    return `caption ${name}: not a caption file YouTube reads (.srt, .vtt or .sbv)`;
  if (c.language === null)
    return `caption ${name}: no language; name it like ep12.en.srt or give it as FILE:LANG`;
  const problem = languageProblem(c.language);
  if (problem) return `caption ${name}: language ${problem}`;
  if (size === null) return `caption ${c.file} cannot be read`;
  if (size === 0) return `caption ${name} is empty`;
  if (size > captionLimits.maxBytes)
    return `caption ${name} is ${size} bytes; YouTube takes at most ${captionLimits.maxBytes} (100 MB)`;
  return null;
}
