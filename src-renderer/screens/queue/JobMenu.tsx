import { Menu } from '@mantine/core';
import type { Job } from '../../../src-shared/domain/job.ts';
import { useJobActions } from './job-actions-store.ts';
import { MoreButton } from './MoreButton.tsx';

/** A job's More menu: details, edit, and its place in the queue. */
export function JobMenu({
  job,
  movable,
  editable,
}: {
  job: Job;
  movable: boolean;
  editable: boolean;
}) {
  const { openEdit, openDetail, move } = useJobActions.getState();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <MoreButton title={job.title} />
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
