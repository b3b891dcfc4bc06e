import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import type { ChannelHold, JobProgress } from '../../../src-shared/domain/job.ts';
import { ChannelHeader } from './ChannelHeader.tsx';
import { JobRow } from './JobRow.tsx';
import type { Row } from './rows.ts';

const rowKey = (row: Row): string =>
  row.kind === 'channel' ? `channel:${row.summary.channelId}` : row.job.id;

/**
 * The queue's rows, virtualized: only those on screen are rendered, so the list stays smooth
 * with thousands of jobs. A component of its own so that scrolling re-renders the list alone,
 * and the rows are memoized, so a scrolled frame renders only the rows that came into view.
 */
export function QueueList({
  rows,
  progress,
  holds,
}: {
  rows: Row[];
  progress: Record<string, JobProgress>;
  holds: ChannelHold[];
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // A new getItemKey makes the virtualizer measure every row again: it changes only when the
  // rows themselves do (added, removed, moved), not with each progress event or scrolled frame.
  const signature = useMemo(() => rows.map(rowKey).join('\n'), [rows]);
  const keys = useMemo(() => signature.split('\n'), [signature]);
  const getItemKey = useCallback((i: number) => keys[i] ?? i, [keys]);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'channel' ? 64 : 76),
    getItemKey,
    overscan: 8,
  });
  return (
    <div ref={scroller} className="queue-scroller" data-testid="queue-list">
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
  );
}
