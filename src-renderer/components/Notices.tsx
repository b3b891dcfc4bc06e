import { lazy, Suspense, useState } from 'react';
import { useNotices } from '../state/notice-store.ts';

// The toaster (Mantine notifications and its transitions) loads with the first notice, which it
// then shows: most windows open with none.
const Toasts = lazy(() => import('./Toasts.tsx'));

/** Notices from the engine as toasts; see Toasts.tsx. */
export function Notices() {
  const any = useNotices((s) => s.notices.length > 0);
  const [wanted, setWanted] = useState(any);
  if (any && !wanted) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Toasts />
    </Suspense>
  );
}
