import { lazy, Suspense, type ReactElement } from 'react';

// Mantine's Tooltip brings floating-ui (about 25 KB gzip): the frame loads it after the first
// paint, and shows its buttons without a tooltip until then.
const Tooltip = lazy(() => import('@mantine/core').then((m) => ({ default: m.Tooltip })));

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
