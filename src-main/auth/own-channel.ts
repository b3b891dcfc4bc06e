import { z } from 'zod';
import { AppError } from '../../src-shared/api/errors.ts';
import { readJson, type HttpFetch } from './http.ts';
import { setupHelpFor, setupHelpLine } from '../../src-shared/domain/google-setup.ts';

const Thumb = z.object({ url: z.string() }).partial();

const ChannelItemSchema = z.object({
  id: z.string().min(1),
  snippet: z.object({
    title: z.string(),
    customUrl: z.string().optional(),
    thumbnails: z.record(z.string(), Thumb).optional(),
  }),
  status: z
    .object({ longUploadsStatus: z.string().optional(), isLinked: z.boolean().optional() })
    .partial()
    .optional(),
});

const ChannelListSchema = z.object({ items: z.array(ChannelItemSchema).default([]) });

export interface OwnChannel {
  id: string;
  title: string;
  handle: string | null;
  avatarUrl: string | null;
  customThumbnails: boolean | null;
}

/**
 * `channels.list?mine=true`: one consent is one channel (a brand account is
 * picked on Google's chooser). Custom thumbnails need a verified account,
 * which is also what `longUploadsStatus: allowed` means; anything else is unknown.
 */
export async function fetchOwnChannel(
  http: HttpFetch,
  dataApi: string,
  accessToken: string,
): Promise<OwnChannel> {
  const url = `${dataApi}/channels?part=snippet,contentDetails,statistics,status&mine=true`;
  let res;
  try {
    res = await http(url, {
      method: 'GET',
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    });
  } catch (error) {
    throw new AppError(
      'network',
      `YouTube could not be reached (${(error as Error).message}).`,
      true,
    );
  }
  const body = await readJson(res, 'YouTube channels.list');
  if (res.status !== 200) {
    const reason = (body as { error?: { errors?: { reason?: string }[]; message?: string } })
      ?.error;
    const why = reason?.errors?.[0]?.reason ?? reason?.message ?? `HTTP ${res.status}`;
    // First-run mistakes get the setup step that fixes them (google-facts.md).
    const help = setupHelpFor(String(why), reason?.message ?? '');
    if (help) throw new AppError(String(why), setupHelpLine(help), false);
    throw new AppError(
      'youtube_error',
      `YouTube refused to list the channel (${String(why).slice(0, 100)}).`,
      res.status >= 500,
    );
  }
  const parsed = ChannelListSchema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new AppError('youtube_error', `YouTube's channel answer is malformed at: ${where}.`);
  }
  const item = parsed.data.items[0];
  if (!item) throw new AppError('no_channel', setupHelpLine(setupHelpFor('no_channel')!));
  const thumbs = item.snippet.thumbnails ?? {};
  const avatar = thumbs.medium?.url ?? thumbs.default?.url ?? thumbs.high?.url ?? null;
  const longUploads = item.status?.longUploadsStatus;
  return {
    id: item.id,
    title: item.snippet.title,
    handle: item.snippet.customUrl ?? null,
    avatarUrl: avatar,
    customThumbnails:
      longUploads === 'allowed' ? true : longUploads === 'disallowed' ? false : null,
  };
}

/** The e-mail (or subject) in an id_token, only to group channels by account; never trusted for access. */
export function accountFromIdToken(idToken: string | undefined): string | null {
  if (!idToken) return null;
  const payload = idToken.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const v = claims.email ?? claims.sub;
    return typeof v === 'string' ? v.slice(0, 320) : null;
  } catch {
    return null;
  }
}
