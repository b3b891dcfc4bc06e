/**
 * Waits for `work` unless `signal` aborts first; then rejects with `gone()`.
 * The work itself goes on (a sign-in keeps its listener for the next caller):
 * only this caller stops waiting, and its listener on the signal is removed
 * either way, so a long-lived signal never gathers listeners.
 */
export function unlessAborted<T>(
  work: Promise<T>,
  signal: AbortSignal,
  gone: () => Error,
): Promise<T> {
  if (signal.aborted) return Promise.reject(gone());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(gone());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
