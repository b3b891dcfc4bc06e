import { lazy, Suspense, useState } from 'react';
import type { Job } from '../../../src-shared/domain/job.ts';
import { MoreButton } from './MoreButton.tsx';

// Mantine's Menu brings Popover and floating-ui (about 20 KB gzip), which no row needs until its
// menu opens: the chunk loads when a pointer or focus reaches a More button, or on its click.
const loadMenu = () => import('./JobMenu.tsx');
const JobMenu = lazy(() => loadMenu().then((m) => ({ default: m.JobMenu })));

/**
 * A job's More button, and its menu from the first click on. The click is never lost: it is
 * what mounts the menu, which then opens itself however long its chunk took to arrive.
 */
export function JobMenuButton(props: { job: Job; movable: boolean; editable: boolean }) {
  const [wanted, setWanted] = useState(false);
  const standIn = (
    <MoreButton
      title={props.job.title}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={() => void loadMenu()}
      onFocus={() => void loadMenu()}
      onClick={() => setWanted(true)}
    />
  );
  if (!wanted) return standIn;
  return (
    <Suspense fallback={standIn}>
      <JobMenu {...props} initiallyOpen />
    </Suspense>
  );
}
