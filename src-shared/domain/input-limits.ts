/**
 * How large a file from outside may be before Dropline reads it. Each limit
 * is far above any real file of its kind (a client_secret.json is under
 * 1 KB, a sidecar's fields fit YouTube's 5,000-byte description), so only a
 * wrong file or an attack reaches it; it is checked before anything is read.
 */
export const inputLimits = {
  /** ep12.yaml / .json / .txt next to a video. */
  sidecarBytes: 1024 * 1024,
  clientSecretBytes: 64 * 1024,
  cookieFileBytes: 2 * 1024 * 1024,
  /** A metadata preset file (`presets set NAME --file`). */
  presetBytes: 256 * 1024,
  /** One message on the local API's WebSocket. */
  apiMessageBytes: 4 * 1024 * 1024,
} as const;

/** 1536 -> "1.5 KB", 18874368 -> "18 MB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 10 ? Math.round(value) : Number(value.toFixed(1));
  return `${shown} ${units[unit]}`;
}

/** "The sidecar ep12.yaml is 18 MB; Dropline reads sidecars of at most 1 MB." */
export function tooLargeMessage(what: string, name: string, size: number, limit: number): string {
  return `The ${what} ${name} is ${formatBytes(size)}; Dropline reads ${what}s of at most ${formatBytes(limit)}. Is it the right file?`;
}
