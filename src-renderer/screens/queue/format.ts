// Moved to components/ (the upload details use it too); the Queue screen's files import it from here.
export * from '../../components/format.ts';

/** The meter's band, also for tests and styles: ok, amber (past 70 %), red (past 90 %). */
export function quotaLevel(used: number, limit: number): 'ok' | 'amber' | 'red' {
  if (limit <= 0 || used >= limit * 0.9) return 'red';
  return used >= limit * 0.7 ? 'amber' : 'ok';
}
