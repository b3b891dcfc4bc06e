import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import type { ChannelHold, JobProgress } from '../../../src-shared/domain/job.ts';
import { ChannelHeader } from './ChannelHeader.tsx';
import { JobRow } from './JobRow.tsx';
import { createRowSizes, rowShape } from './row-sizes.ts';
import type { Row } from './rows.ts';

const rowKey = (row: Row): string =>
  row.kind === 'channel' ? `channel:${row.summary.channelId}` : row.job.id;

/** Rows that stay rendered beyond each edge of the view: enough for a fast wheel turn, no more. */
const OVERSCAN = 3;

/**
 * The queue's rows, virtualized: only those on screen are rendered, so the list stays smooth
 * with thousands of jobs. A scrolled frame renders nothing in React: the virtualizer moves the
 * rows itself (`directDomUpdates`) and React renders only when a row comes into view or leaves.
 * The rows are memoized, so that render touches only the rows that came into view.
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
  const sizes = useRef(createRowSizes()).current;
  // A new getItemKey makes the virtualizer measure every row again: it changes only when the
  // rows themselves do (added, removed, moved), not with each progress event or scrolled frame.
  const signature = useMemo(() => rows.map(rowKey).join('\n'), [rows]);
  const keys = useMemo(() => signature.split('\n'), [signature]);
  const getItemKey = useCallback((i: number) => keys[i] ?? i, [keys]);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => sizes.estimate(rowShape(rows[i])),
    measureElement: (el, entry, instance) => {
      const height = measureElement(el, entry, instance);
      sizes.learn((el as HTMLElement).dataset.shape ?? 'channel', height);
      return height;
    },
    getItemKey,
    overscan: OVERSCAN,
    directDomUpdates: true,
  });
  return (
    <div ref={scroller} className="queue-scroller" data-testid="queue-list">
      {/* Its height and the rows' positions are written by the virtualizer, not by React. */}
      <div ref={virtual.containerRef} className="queue-rows">
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              data-shape={rowShape(row)}
              ref={virtual.measureElement}
              className="queue-row"
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
