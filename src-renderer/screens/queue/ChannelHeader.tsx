import type { ChannelHold } from '../../../src-shared/domain/job.ts';
import { formatBytes, formatRate, formatTime } from './format.ts';
import { useQueue } from './queue-store.ts';
import type { ChannelSummary } from './rows.ts';

export function ChannelHeader({ summary, hold }: { summary: ChannelSummary; hold?: ChannelHold }) {
  const actOnChannel = useQueue((s) => s.actOnChannel);
  const pct = summary.bytesTotal ? (summary.bytesSent / summary.bytesTotal) * 100 : 0;
  return (
    <div className="channel-header" data-channel-id={summary.channelId}>
      <div className="channel-main">
        <strong>{summary.channelId}</strong>
        <span>
          {summary.total} jobs, {summary.active} running
          {summary.rate > 0 ? `, ${formatRate(summary.rate)}` : ''}
        </span>
        <span>
          {formatBytes(summary.bytesSent)} / {formatBytes(summary.bytesTotal)}
        </span>
        {hold && <span className="error-text">upload cap until {formatTime(hold.until)}</span>}
        <progress className="channel-progress" max={100} value={pct} />
      </div>
      <div className="job-actions">
        <button onClick={() => void actOnChannel('pauseChannel', summary.channelId)}>
          Pause all
        </button>
        {summary.paused > 0 && (
          <button onClick={() => void actOnChannel('resumeChannel', summary.channelId)}>
            Resume all
          </button>
        )}
      </div>
    </div>
  );
}
