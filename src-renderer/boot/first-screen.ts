import { useEffect } from 'react';

let shown!: () => void;

/**
 * Resolves once the window's first screen has rendered. What that screen does not need (the
 * frame's tooltips, say) waits for it, so it neither delays nor weighs on the first paint.
 */
export const firstScreenShown = new Promise<void>((resolve) => (shown = resolve));

/** Placed after the screen inside its Suspense boundary: its effect runs once the screen is in. */
export function FirstScreenMark(): null {
  useEffect(() => shown(), []);
  return null;
}
