import { TikTokPrivacySchema, type TikTokSettings } from '../../../src-shared/domain/tiktok.ts';
import * as z from 'zod/mini';
import { usageError } from './cli-error.ts';

/** `dropline upload`'s flags for TikTok destinations; YouTube channels ignore them. */
export const tiktokOptions = {
  'tiktok-caption': { type: 'string' },
  'tiktok-privacy': { type: 'string' },
  'tiktok-no-comments': { type: 'boolean' },
  'tiktok-no-duets': { type: 'boolean' },
  'tiktok-no-stitches': { type: 'boolean' },
  'tiktok-cover-ms': { type: 'string' },
  'tiktok-draft': { type: 'boolean' },
} as const;

type Values = {
  'tiktok-caption'?: string;
  'tiktok-privacy'?: string;
  'tiktok-no-comments'?: boolean;
  'tiktok-no-duets'?: boolean;
  'tiktok-no-stitches'?: boolean;
  'tiktok-cover-ms'?: string;
  'tiktok-draft'?: boolean;
};

/** The TikTok section from the flags, or undefined when none was given (a sidecar's or preset's stays). */
export function tiktokFlags(values: Values): TikTokSettings | undefined {
  if (!Object.keys(tiktokOptions).some((k) => values[k as keyof Values] !== undefined))
    return undefined;
  const privacy = values['tiktok-privacy'];
  if (privacy !== undefined && !z.safeParse(TikTokPrivacySchema, privacy).success)
    throw usageError(
      `--tiktok-privacy: "${privacy}" is not one of ${TikTokPrivacySchema.options.join(', ')}.`,
    );
  const cover = values['tiktok-cover-ms'];
  if (cover !== undefined && !/^\d{1,9}$/.test(cover))
    throw usageError(`--tiktok-cover-ms: "${cover}" is not a number of milliseconds.`);
  return {
    ...(values['tiktok-caption'] !== undefined ? { caption: values['tiktok-caption'] } : {}),
    ...(privacy !== undefined ? { privacy: privacy as TikTokSettings['privacy'] } : {}),
    disableComment: values['tiktok-no-comments'] ?? false,
    disableDuet: values['tiktok-no-duets'] ?? false,
    disableStitch: values['tiktok-no-stitches'] ?? false,
    coverTimestampMs: cover === undefined ? 0 : Number(cover),
    mode: values['tiktok-draft'] ? 'inbox' : 'direct',
  };
}
