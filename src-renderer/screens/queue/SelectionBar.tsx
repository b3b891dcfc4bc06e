import { Button, Group } from '@mantine/core';
import { canRetryJob } from '../../../src-shared/domain/job.ts';
import { canEditJob, canRemoveJob } from './JobRow.tsx';
import { useJobActions } from './job-actions-store.ts';
import { useQueue } from './queue-store.ts';

/** Acting on the ticked jobs at once: edit (bulk privacy), retry, remove. */
export function SelectionBar() {
  const selected = useJobActions((s) => s.selected);
  const jobs = useQueue((s) => s.jobs);
  const error = useJobActions((s) => s.error);
  const { openEdit, retry, remove, clearSelection } = useJobActions.getState();
  const picked = selected.map((id) => jobs[id]).filter((j) => j !== undefined);
  if (picked.length === 0)
    return error ? (
      <p className="error-text" role="alert">
        {error}
      </p>
    ) : null;
  const editable = picked.filter(canEditJob).map((j) => j.id);
  const retryable = picked.filter(canRetryJob).map((j) => j.id);
  const removable = picked.filter(canRemoveJob).map((j) => j.id);
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected jobs">
      <Group gap="xs" wrap="wrap">
        <strong>{picked.length} selected</strong>
        <Button size="xs" disabled={editable.length === 0} onClick={() => openEdit(editable)}>
          Edit {editable.length || ''} selected
        </Button>
        {retryable.length > 0 && (
          <Button size="xs" variant="default" onClick={() => void retry(retryable)}>
            Retry {retryable.length}
          </Button>
        )}
        {removable.length > 0 && (
          <Button size="xs" variant="default" color="red" onClick={() => void remove(removable)}>
            Remove {removable.length}
          </Button>
        )}
        <Button size="xs" variant="subtle" onClick={clearSelection}>
          Clear selection
        </Button>
      </Group>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
