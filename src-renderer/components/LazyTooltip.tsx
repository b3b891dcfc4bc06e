import { lazy, Suspense, type ReactElement } from 'react';
import { firstScreenShown } from '../boot/first-screen.ts';

// Mantine's Tooltip brings floating-ui (about 20 KB gzip): the frame loads it once the first
// screen has rendered, and shows its buttons without a tooltip until then.
const Tooltip = lazy(() =>
  firstScreenShown.then(() => import('./tooltip.ts')).then((m) => ({ default: m.Tooltip })),
);

/** A Mantine Tooltip that does not weigh on the entry bundle. */
export function LazyTooltip(props: {
  label: string;
  position?: 'right' | 'bottom' | 'top';
  children: ReactElement;
}) {
  return (
    <Suspense fallback={props.children}>
      <Tooltip label={props.label} position={props.position}>
        {props.children}
      </Tooltip>
    </Suspense>
  );
}
