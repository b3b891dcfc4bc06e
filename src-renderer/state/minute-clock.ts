import { useSyncExternalStore } from 'react';

// "resumes in 7 h", "tries again in 5 min": rows that count down re-render on one shared timer,
// started by the first such row and stopped with the last, so 2,000 rows waiting for quota
// cost one interval, and rows with nothing to count cost none.

const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let tick = 0;
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    tick++;
    for (const notify of listeners) notify();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const stayStill = () => () => {};
const currentTick = () => tick;
const noTick = () => 0;

/** Re-renders the caller every 30 s while `counting` (a row showing a time left). */
export function useMinuteClock(counting: boolean): void {
  useSyncExternalStore(counting ? subscribe : stayStill, counting ? currentTick : noTick);
}
