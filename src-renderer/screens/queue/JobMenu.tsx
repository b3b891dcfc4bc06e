import { Menu } from '@mantine/core';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Menu.css';
import { useEffect, useRef, useState } from 'react';
import type { Job } from '../../../src-shared/domain/job.ts';
import { useJobActions } from './job-actions-store.ts';
import { MoreButton } from './MoreButton.tsx';

/** A job's More menu: details, edit, and its place in the queue. */
export function JobMenu({
  job,
  movable,
  editable,
  initiallyOpen = false,
}: {
  job: Job;
  movable: boolean;
  editable: boolean;
  /** Mounted by the click on its stand-in button (JobMenuButton): opens at once, focus on it. */
  initiallyOpen?: boolean;
}) {
  const { openEdit, openDetail, move } = useJobActions.getState();
  const target = useRef<HTMLButtonElement>(null);
  const [opened, setOpened] = useState(false);
  // Opened once mounted rather than mounted open: Mantine records where focus was (to give it
  // back on close) only when `opened` changes. Focus first moves here from the stand-in, which
  // has left the page.
  useEffect(() => {
    if (!initiallyOpen) return;
    target.current?.focus({ preventScroll: true });
    setOpened(true);
  }, [initiallyOpen]);
  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={setOpened}>
      <Menu.Target>
        <MoreButton ref={target} title={job.title} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => openDetail(job.id)}>Details and history</Menu.Item>
        {editable && <Menu.Item onClick={() => openEdit([job.id])}>Edit details</Menu.Item>}
        {movable && (
          <>
            <Menu.Divider />
            <Menu.Item onClick={() => void move(job.id, 'top')}>Move to top</Menu.Item>
            <Menu.Item onClick={() => void move(job.id, 'up')}>Move up</Menu.Item>
            <Menu.Item onClick={() => void move(job.id, 'down')}>Move down</Menu.Item>
            <Menu.Item onClick={() => void move(job.id, 'bottom')}>Move to bottom</Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
