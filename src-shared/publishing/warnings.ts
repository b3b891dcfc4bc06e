import type { VideoMetadata } from '../domain/metadata.ts';
import { chapterWarning } from './chapters.ts';

/** What YouTube will take but quietly ignore: said on the job, never a refusal. */
export function metadataWarnings(m: VideoMetadata): string[] {
  const out: string[] = [];
  const main = chapterWarning(m.description);
  if (main) out.push(main);
  for (const [language, l] of Object.entries(m.localizations)) {
    const w = chapterWarning(l.description, `${language} description`);
    if (w) out.push(w);
  }
  return out;
}
