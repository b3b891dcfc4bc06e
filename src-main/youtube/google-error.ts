import { z } from 'zod';
import type { HttpResponse } from '../base/http-response.ts';
import { parseJson } from './google-http.ts';
import { setupHelpFor, setupHelpLine } from '../../src-shared/domain/google-setup.ts';

const GoogleErrorBody = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    errors: z
      .array(z.object({ reason: z.string().optional(), message: z.string().optional() }))
      .optional(),
  }),
});

/** What a failed Google answer means for the caller. */
export type GoogleFailure =
  | { kind: 'unauthorized'; reason: string; message: string }
  | { kind: 'quota'; reason: string; message: string }
  | { kind: 'rate'; reason: string; message: string }
  | { kind: 'uploadLimit'; reason: string; message: string }
  | { kind: 'server'; reason: string; message: string }
  | { kind: 'notFound'; reason: string; message: string }
  | { kind: 'permanent'; reason: string; message: string };

/** Google's reasons in plain words, for the job's error message. */
const plainWords: Record<string, string> = {
  invalidTitle: 'YouTube refused the title.',
  invalidDescription: 'YouTube refused the description.',
  invalidTags: 'YouTube refused the tags.',
  invalidCategoryId: 'YouTube does not know this category id.',
  invalidPublishAt: 'YouTube refused the scheduled publish time.',
  uploadLimitExceeded: 'This channel reached its 24-hour upload limit on YouTube.',
  youtubeSignupRequired:
    'This Google account has no YouTube channel yet; create one on youtube.com.',
  quotaExceeded: "The Google Cloud project's daily YouTube quota is used up.",
  forbidden: 'YouTube does not allow this account to do that.',
  invalidImage: 'YouTube could not read the thumbnail image.',
  mediaBodyRequired: 'The upload had no content.',
  playlistNotFound: 'The playlist does not exist or is not on this channel.',
  playlistOperationUnsupported: 'This playlist does not accept videos.',
  videoNotFound: 'YouTube cannot find the video.',
  insufficientPermissions: 'The sign-in does not allow this call.',
  captionExists: 'The video already has a caption track in this language with this name.',
  invalidMetadata: 'YouTube refused the caption track details (language or name).',
  contentRequired: 'The caption file was empty.',
  defaultLanguageNotSet: 'YouTube needs the default language set when there are localizations.',
  invalidVideoMetadata: 'YouTube refused the video details (a language it does not know?).',
};

export class GoogleApiError extends Error {
  readonly status: number;
  readonly failure: GoogleFailure;
  constructor(status: number, failure: GoogleFailure) {
    super(failure.message);
    this.name = 'GoogleApiError';
    this.status = status;
    this.failure = failure;
  }
}

export function classify(res: HttpResponse): GoogleFailure {
  const parsed = GoogleErrorBody.safeParse(parseJson(res.body));
  const reason = parsed.success ? (parsed.data.error.errors?.[0]?.reason ?? '') : '';
  const googleMessage = parsed.success ? (parsed.data.error.message ?? '') : '';
  const message =
    plainWords[reason] ??
    (googleMessage
      ? `YouTube answered ${res.status}: ${googleMessage}`
      : `YouTube answered HTTP ${res.status}.`);
  // A first-run mistake (API not enabled, no channel) is permanent, with the setup step that fixes it.
  const help = reason ? setupHelpFor(reason, googleMessage) : null;
  if (help) return { kind: 'permanent', reason, message: setupHelpLine(help) };
  const base = { reason: reason || `http_${res.status}`, message };
  if (res.status === 401) return { kind: 'unauthorized', ...base };
  if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded')
    return { kind: 'quota', ...base };
  if (reason === 'uploadLimitExceeded') return { kind: 'uploadLimit', ...base };
  if (reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded' || res.status === 429)
    return { kind: 'rate', ...base };
  if (res.status >= 500) return { kind: 'server', ...base };
  if (res.status === 404 || res.status === 410) return { kind: 'notFound', ...base };
  return { kind: 'permanent', ...base };
}

export function googleError(res: HttpResponse): GoogleApiError {
  return new GoogleApiError(res.status, classify(res));
}
