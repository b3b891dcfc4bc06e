import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MetadataLayer } from '../../../src-shared/publishing/preset.ts';
import { localTimeZone, parsePublishAt } from '../../../src-shared/publishing/plain-date.ts';
import { captionProblem, parseCaptionArg } from '../../../src-shared/watch/captions.ts';
import { usageError } from './cli-error.ts';

/**
 * `--publish-at` in plain words or ISO 8601, read in the user's time zone
 * (TZ, else the system's). The absolute time goes to stderr before anything
 * is queued; a past or ambiguous date is a usage error saying why.
 */
export function publishAtFlag(
  text: string,
  nowMs: number,
  say: (line: string) => void,
  timeZone = localTimeZone(),
): string {
  const parsed = parsePublishAt(text, nowMs, timeZone);
  if (!parsed.ok) throw usageError(`--publish-at: ${parsed.reason}.`);
  say(`Publish at: ${parsed.display} = ${parsed.iso}`);
  return parsed.iso;
}

/** `--caption FILE[:LANG]`, repeatable: each file checked here, so a typo never reaches the queue. */
export function captionFlags(args: readonly string[]): { file: string; language: string }[] {
  return args.map((arg) => {
    const { file, language } = parseCaptionArg(arg);
    const abs = resolve(file);
    const stats = statSync(abs, { throwIfNoEntry: false });
    const problem = captionProblem({ file: abs, language }, stats?.isFile() ? stats.size : null);
    if (problem) throw usageError(`--caption: ${problem}.`);
    return { file: abs, language: language as string };
  });
}

/** The metadata fields given as flags: the explicit layer, over a preset. */
export function explicitFields(
  values: Record<string, string | boolean | string[] | undefined>,
  list: (v: string | undefined) => string[],
): MetadataLayer {
  const out: Record<string, unknown> = {};
  const str = (k: string) => values[k] as string | undefined;
  if (str('title') !== undefined) out.title = str('title');
  if (str('description') !== undefined) out.description = str('description');
  if (str('tags') !== undefined) out.tags = list(str('tags'));
  if (str('privacy') !== undefined) out.privacy = str('privacy');
  if (str('playlist') !== undefined) out.playlistId = str('playlist');
  if (str('category') !== undefined) out.categoryId = str('category');
  if (values['made-for-kids'] !== undefined) out.madeForKids = values['made-for-kids'];
  if (values.synthetic !== undefined) out.containsSyntheticMedia = values.synthetic;
  if (str('language') !== undefined) out.defaultLanguage = str('language');
  return out as MetadataLayer;
}
