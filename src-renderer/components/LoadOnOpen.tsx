import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders a lazily loaded dialog from the first time it opens on, and keeps it
 * mounted after that, so its code is not part of the screen's first load.
 *
 * The dialog's Modal mounts already open that first time, and Mantine records
 * where focus came from only when `opened` changes while mounted: so this puts
 * focus back on the opener after that first close (later closes are Mantine's).
 */
export function LoadOnOpen({ open, children }: { open: boolean; children: ReactNode }) {
  const [wanted, setWanted] = useState(open);
  const opener = useRef<HTMLElement | null>(null);
  if (open && !wanted) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setWanted(true);
  }
  useEffect(() => {
    const from = opener.current;
    if (open || !from) return;
    opener.current = null;
    // As Mantine's own focus return does: only when the closed dialog left focus nowhere.
    const timer = window.setTimeout(() => {
      const now = document.activeElement;
      if ((now === null || now === document.body) && from.isConnected)
        from.focus({ preventScroll: true });
    }, 10);
    return () => window.clearTimeout(timer);
  }, [open]);
  return wanted ? <Suspense fallback={null}>{children}</Suspense> : null;
}
