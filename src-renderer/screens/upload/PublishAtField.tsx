import { useId } from 'react';
import {
  localTimeZone,
  parsePublishAt,
  type PlainDateResult,
} from '../../../src-shared/publishing/plain-date.ts';

/** The field's text read as a publish time now, in the user's zone; null when empty. */
export function readPublishAt(
  text: string,
  nowMs = Date.now(),
  timeZone = localTimeZone(),
): PlainDateResult | null {
  return text.trim() === '' ? null : parsePublishAt(text, nowMs, timeZone);
}

/**
 * A publish time in plain words ("next tuesday 3pm") or ISO 8601. The
 * absolute time it means shows under the field as it is typed; a past or
 * ambiguous one is refused there, saying why.
 */
export function PublishAtField({
  value,
  onChange,
  disabled = false,
  timeZone,
}: {
  value: string;
  onChange(value: string): void;
  disabled?: boolean;
  /** The zone a wall-clock time is read in; the user's own by default. */
  timeZone?: string;
}) {
  const parsed = disabled ? null : readPublishAt(value, Date.now(), timeZone);
  const echoId = useId();
  return (
    <div className="publish-at-field">
      <label>
        Publish at (optional: "next tuesday 3pm", "tomorrow at 15:00" or 2025-06-01T15:00)
        <input
          name="publishAt"
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={parsed?.ok === false || undefined}
          aria-describedby={echoId}
        />
      </label>
      {parsed && (
        <p
          id={echoId}
          className={parsed.ok ? 'muted publish-at-echo' : 'error-text publish-at-echo'}
          role={parsed.ok ? 'status' : 'alert'}
          data-testid="publish-at-echo"
        >
          {parsed.ok ? `Publishes ${parsed.display}; private until then.` : parsed.reason}
        </p>
      )}
    </div>
  );
}
