import { lazy, useEffect, useMemo } from 'react';
import { LoadOnOpen } from '../../components/LoadOnOpen.tsx';
import { useChannels } from '../../state/channels-store.ts';
import { QueueList } from './QueueList.tsx';
import { QuotaBar } from './QuotaBar.tsx';
import { HistoryView } from './HistoryView.tsx';
import { useAddForm } from './add-form-store.ts';
import { SelectionBar } from './SelectionBar.tsx';
import { useJobActions } from './job-actions-store.ts';
import { useQueue } from './queue-store.ts';
import { buildRows, withoutCleared } from './rows.ts';
import './queue.css';

// The dialogs load the first time they open: the upload form and the edit dialog (date pickers,
// language checks, chrono) are most of the screen's code, and the detail view needs its own.
const AddUploadDialog = lazy(() =>
  import('./AddUploadDialog.tsx').then((m) => ({ default: m.AddUploadDialog })),
);
const EditJobsDialog = lazy(() =>
  import('./EditJobsDialog.tsx').then((m) => ({ default: m.EditJobsDialog })),
);
const JobDetail = lazy(() => import('./JobDetail.tsx').then((m) => ({ default: m.JobDetail })));

export function QueueScreen() {
  const { jobs, order, progress, holds, error, notice, load } = useQueue();
  const adding = useAddForm((s) => s.open);
  const editing = useJobActions((s) => s.editing !== null);
  const detail = useJobActions((s) => s.detailId !== null);
  const toggleAdding = useAddForm((s) => s.toggle);
  const channels = useChannels((s) => s.channels);
  const channelsLoaded = useChannels((s) => s.loaded);
  useEffect(() => {
    void load();
    if (!useChannels.getState().loaded) void useChannels.getState().load();
  }, [load]);
  const connectedIds = useMemo(
    () => channels.filter((c) => c.status !== 'disconnected').map((c) => c.id),
    [channels],
  );
  const clearedAt = useJobActions((s) => s.clearedAt);
  const shown = useMemo(() => withoutCleared(jobs, order, clearedAt), [jobs, order, clearedAt]);
  const rows = useMemo(
    () => buildRows(jobs, shown, progress, connectedIds),
    [jobs, shown, progress, connectedIds],
  );
  const finished = order.length - shown.length;
  return (
    <section className="queue-screen">
      <header className="queue-top">
        <h2>Queue</h2>
        <div className="queue-top-actions">
          <button
            type="button"
            onClick={() => useJobActions.getState().clearFinished()}
            title="Hide done and cancelled uploads here; they stay in the history"
          >
            Clear finished
          </button>
          <button onClick={toggleAdding}>{adding ? 'Close' : 'Add upload'}</button>
        </div>
      </header>
      {finished > 0 && (
        <p className="muted" data-testid="cleared-note">
          {finished} finished {finished === 1 ? 'upload is' : 'uploads are'} cleared from this list
          (still in the history).
        </p>
      )}
      <SelectionBar />
      <LoadOnOpen open={editing}>
        <EditJobsDialog />
      </LoadOnOpen>
      <LoadOnOpen open={detail}>
        <JobDetail />
      </LoadOnOpen>
      <LoadOnOpen open={adding}>
        <AddUploadDialog />
      </LoadOnOpen>
      <QuotaBar />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice-text" role="status" data-testid="queue-notice">
          {notice}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="queue-empty">
          {channelsLoaded
            ? 'No uploads yet. Connect a channel on the Channels screen, then add videos or drop them onto it here.'
            : 'No uploads yet.'}
        </p>
      ) : (
        <>
          <p className="queue-hint">Drop videos onto a channel to upload them there (private).</p>
          <QueueList rows={rows} progress={progress} holds={holds} />
        </>
      )}
      <HistoryView />
    </section>
  );
}
