/** What went wrong with an update, in words for people, and whether it is only "offline". */
export interface UpdateFailure {
  kind: 'offline' | 'checksum' | 'no_release' | 'other';
  message: string;
}

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

export function describeUpdateFailure(error: unknown): UpdateFailure {
  const e = error as { code?: string; message?: string } | null;
  const text = String(e?.message ?? error);
  const first = text.split('\n')[0] ?? text;
  if (
    (e?.code && OFFLINE_CODES.has(e.code)) ||
    /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|net::ERR_(INTERNET_DISCONNECTED|CONNECTION|NAME_NOT_RESOLVED|NETWORK|TIMED_OUT|ADDRESS_UNREACHABLE)/.test(
      text,
    )
  )
    return {
      kind: 'offline',
      message: 'Dropline could not reach the update server; it will try again later.',
    };
  if (e?.code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(text))
    return {
      kind: 'checksum',
      message:
        'The downloaded update did not match its published sha512 checksum, so Dropline refused to install it. It will try again later.',
    };
  if (e?.code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || /Cannot find .*\.yml/.test(text))
    return {
      kind: 'no_release',
      message:
        'The update server has no release for this system yet; Dropline will look again later.',
    };
  return { kind: 'other', message: `Checking for updates failed: ${first.slice(0, 300)}` };
}
