import { memo, useState, type DragEvent } from 'react';
import type { ChannelHold } from '../../../src-shared/domain/job.ts';
import { useChannels } from '../../state/channels-store.ts';
import { formatBytes, formatRate, formatTime } from './format.ts';
import { useQueue } from './queue-store.ts';
import type { ChannelSummary } from './rows.ts';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/** A channel's header in the queue; memoized, as the list re-renders on every scrolled frame. */
export const ChannelHeader = memo(function ChannelHeader({
  summary,
  hold,
}: {
  summary: ChannelSummary;
  hold?: ChannelHold;
}) {
  const actOnChannel = useQueue((s) => s.actOnChannel);
  const dropOnChannel = useQueue((s) => s.dropOnChannel);
  const title = useChannels((s) => s.channels.find((c) => c.id === summary.channelId)?.title);
  const [over, setOver] = useState(false);
  const pct = summary.bytesTotal ? (summary.bytesSent / summary.bytesTotal) * 100 : 0;
  // preventDefault claims the drag: the window-wide DropZone skips events already claimed.
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files).map((file) => ({
      name: file.name,
      path: window.dropline?.pathForFile?.(file) ?? null,
    }));
    void dropOnChannel(files, summary.channelId, title ?? summary.channelId);
  };
  return (
    <div
      className={over ? 'channel-header drop-over' : 'channel-header'}
      data-testid="channel-group"
      data-channel-id={summary.channelId}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      title="Drop videos here to upload them to this channel"
    >
      <div className="channel-main">
        <strong>{title ?? summary.channelId}</strong>
        <span>
          {summary.total} {summary.total === 1 ? 'job' : 'jobs'}, {summary.active} running
          {summary.rate > 0 ? `, ${formatRate(summary.rate)}` : ''}
        </span>
        <span
          data-testid="channel-bytes"
          data-bytes-sent={summary.bytesSent}
          data-bytes-total={summary.bytesTotal}
        >
          {formatBytes(summary.bytesSent)} / {formatBytes(summary.bytesTotal)}
        </span>
        {hold && <span className="error-text">upload cap until {formatTime(hold.until)}</span>}
        <progress
          className="channel-progress"
          max={100}
          value={pct}
          aria-label={`Progress of ${title ?? summary.channelId}`}
        />
      </div>
      <div className="job-actions">
        {summary.pausable > 0 && (
          <button onClick={() => void actOnChannel('pauseChannel', summary.channelId)}>
            Pause all
          </button>
        )}
        {summary.paused > 0 && (
          <button onClick={() => void actOnChannel('resumeChannel', summary.channelId)}>
            Resume all
          </button>
        )}
      </div>
    </div>
  );
});
