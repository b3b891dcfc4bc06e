import { lazy, Suspense } from 'react';

// The toaster (Mantine notifications and its transitions) loads after the first paint.
const Toasts = lazy(() => import('./Toasts.tsx'));

/** Notices from the engine as toasts; see Toasts.tsx. */
export function Notices() {
  return (
    <Suspense fallback={null}>
      <Toasts />
    </Suspense>
  );
}
