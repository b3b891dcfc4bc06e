import { useState } from 'react';
import type { Schedule, SlotView } from '../../../src-shared/api/publishing.ts';
import { usePublishing } from './publishing-store.ts';
import { slotLabels } from './zone-times.ts';

/** Each coming slot, the video filling it, and a way to move that video to a free slot. */
export function SlotList({ schedule, slots }: { schedule: Schedule; slots: SlotView[] }) {
  const free = slots.filter((s) => s.jobId === null);
  return (
    <ol className="slot-list" aria-label={`Coming slots of ${schedule.channelId}`}>
      {slots.map((slot) => (
        <SlotRow key={slot.at} slot={slot} schedule={schedule} free={free} />
      ))}
    </ol>
  );
}

/** Before its upload starts a video can change slot; after that YouTube holds the time. */
const movable = ['queued', 'waiting', 'paused'];

function SlotRow({
  slot,
  schedule,
  free,
}: {
  slot: SlotView;
  schedule: Schedule;
  free: SlotView[];
}) {
  const move = usePublishing((s) => s.move);
  const error = usePublishing((s) => (slot.jobId ? s.errors[`slot:${slot.jobId}`] : undefined));
  const [target, setTarget] = useState('');
  const labels = slotLabels(slot.at, schedule.tz);
  return (
    <li
      className="slot"
      data-testid="slot"
      data-at={slot.at}
      data-filled={slot.jobId ? 'yes' : 'no'}
    >
      <span className="slot-time">
        <time dateTime={slot.at}>{labels.mine}</time>
        {labels.channel && <span className="muted"> · channel: {labels.channel}</span>}
      </span>
      {slot.jobId ? (
        <span className="slot-video">
          <strong data-testid="slot-title">{slot.title}</strong>{' '}
          <span className="muted">({slot.state})</span>
          {slot.offSchedule && <span className="muted"> · moved off the schedule</span>}
          {free.length > 0 && movable.includes(slot.state as string) && (
            <span className="slot-move">
              <label>
                Move to
                <select
                  aria-label={`Move ${slot.title} to`}
                  value={target}
                  onChange={(e) => setTarget(e.target.value)}
                >
                  <option value="">another slot…</option>
                  {free.map((f) => (
                    <option key={f.at} value={f.at}>
                      {slotLabels(f.at, schedule.tz).mine}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                disabled={!target}
                onClick={() => void move(slot.jobId as string, schedule.channelId, target)}
              >
                Move
              </button>
            </span>
          )}
          {error && (
            <span className="error-text" role="alert">
              {error}
            </span>
          )}
        </span>
      ) : (
        <span className="muted">free</span>
      )}
    </li>
  );
}
