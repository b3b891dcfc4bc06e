import { useState, type FormEvent } from 'react';
import type { SlotView } from '../../../src-shared/api/publishing.ts';
import type { Channel } from '../../../src-shared/domain/channel.ts';
import { localTimeZone } from '../../../src-shared/publishing/plain-date.ts';
import { SlotList } from './SlotList.tsx';
import { usePublishing } from './publishing-store.ts';

const example = 'FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=15;BYMINUTE=0';
// One empty list: a selector that made a new one each time would re-render without end.
const noSlots: SlotView[] = [];

/** One channel's publishing rhythm: the rule and zone, and the slots it gives. */
export function ScheduleCard({ channel }: { channel: Channel }) {
  const schedule = usePublishing((s) => s.schedules[channel.id]);
  const slots = usePublishing((s) => s.slots[channel.id] ?? noSlots);
  const error = usePublishing((s) => s.errors[`schedule:${channel.id}`]);
  const { setSchedule, clearSchedule } = usePublishing();
  const [rrule, setRrule] = useState(schedule?.rrule ?? '');
  const [tz, setTz] = useState(schedule?.tz ?? localTimeZone());
  const [start, setStart] = useState(schedule?.start ?? '');
  const [exceptions, setExceptions] = useState(schedule?.exceptions.join(', ') ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void setSchedule(channel.id, {
      rrule: rrule.trim(),
      tz: tz.trim(),
      start: start.trim() || null,
      exceptions: exceptions
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    });
  };
  return (
    <article
      className="schedule-card"
      aria-label={`Schedule of ${channel.title}`}
      data-testid="schedule-card"
    >
      <h3>{channel.title}</h3>
      <form
        className="form schedule-form"
        onSubmit={submit}
        aria-label={`Schedule for ${channel.title}`}
      >
        <label>
          Recurrence rule
          <input
            name="rrule"
            value={rrule}
            placeholder={example}
            onChange={(e) => setRrule(e.target.value)}
            aria-invalid={error?.startsWith('rrule') || undefined}
          />
        </label>
        <label>
          Time zone
          <input
            name="tz"
            value={tz}
            onChange={(e) => setTz(e.target.value)}
            aria-invalid={error?.startsWith('tz') || undefined}
          />
        </label>
        <label>
          Starts (optional, YYYY-MM-DD)
          <input name="start" value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label>
          Skip (optional: days or slots, comma-separated)
          <input
            name="exceptions"
            value={exceptions}
            onChange={(e) => setExceptions(e.target.value)}
          />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={rrule.trim() === ''}>
            Save schedule
          </button>
          {schedule && (
            <button type="button" onClick={() => void clearSchedule(channel.id)}>
              Remove schedule
            </button>
          )}
        </div>
      </form>
      {schedule ? (
        <SlotList schedule={schedule} slots={slots} />
      ) : (
        <p className="muted">No schedule: uploads publish when you say, or at once.</p>
      )}
    </article>
  );
}
