import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { AddUploadForm } from './AddUploadForm.tsx';
import { ChannelHeader } from './ChannelHeader.tsx';
import { JobRow } from './JobRow.tsx';
import { QuotaBar } from './QuotaBar.tsx';
import { useQueue } from './queue-store.ts';
import { buildRows } from './rows.ts';
import './queue.css';

export function QueueScreen() {
  const { jobs, order, progress, holds, error, load } = useQueue();
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);
  const rows = useMemo(() => buildRows(jobs, order, progress), [jobs, order, progress]);
  const scroller = useRef<HTMLDivElement>(null);
  // Only the rows on screen are rendered: the queue stays smooth with thousands of jobs.
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'channel' ? 64 : 76),
    overscan: 8,
  });
  return (
    <section className="queue-screen">
      <header className="queue-top">
        <h2>Queue</h2>
        <button onClick={() => setAdding(!adding)}>{adding ? 'Close' : 'Add upload'}</button>
      </header>
      {adding && <AddUploadForm />}
      <QuotaBar />
      {error && <p className="error-text">{error}</p>}
      {rows.length === 0 ? (
        <p className="queue-empty">No uploads yet. Add files to a channel to start.</p>
      ) : (
        <div ref={scroller} className="queue-scroller">
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtual.measureElement}
                  className="queue-row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.kind === 'channel' ? (
                    <ChannelHeader
                      summary={row.summary}
                      hold={holds.find((h) => h.channelId === row.summary.channelId)}
                    />
                  ) : (
                    <JobRow job={row.job} progress={progress[row.job.id]} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
