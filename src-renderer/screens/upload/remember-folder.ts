import { api } from '../../api/client.ts';

/**
 * Tells the engine where the user just took files from, so a later browser
 * drop of a file there is found. Best effort: a failure only loses that hint.
 */
export function rememberChosen(paths: readonly string[]): void {
  const last = paths.at(-1);
  if (last) api.invoke('files.rememberFolder', { path: last }).catch(() => undefined);
}
