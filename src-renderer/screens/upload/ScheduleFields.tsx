import { Group, Select } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import '../../theme/dropdown-styles.ts';
import { useMemo } from 'react';
import { PublishAtField } from './PublishAtField.tsx';

const isoLocal = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** Every IANA zone the browser knows; the chosen one first when it is an alias. */
function zoneOptions(current: string): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  return all.includes(current) ? all : [current, ...all];
}

/**
 * The schedule: a date-time picker and a time zone, beside the field that
 * takes plain words ("next tuesday 3pm"). The picker writes the wall-clock
 * time it shows into that field, so both say the same and one reader (the
 * field's) decides what it means, refusing a past or ambiguous time there.
 */
export function ScheduleFields({
  publishAt,
  timeZone,
  disabled,
  onChange,
}: {
  publishAt: string;
  timeZone: string;
  disabled: boolean;
  onChange(patch: { publishAt?: string; timeZone?: string }): void;
}) {
  const zones = useMemo(() => zoneOptions(timeZone), [timeZone]);
  const picked = isoLocal.test(publishAt.trim())
    ? `${publishAt.trim().slice(0, 10)} ${publishAt.trim().slice(11, 16)}:00`
    : null;
  return (
    <div className="schedule-fields">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DateTimePicker
          label="Schedule"
          placeholder="Pick a date and time"
          value={picked}
          disabled={disabled}
          clearable
          valueFormat="ddd D MMM YYYY, HH:mm"
          minDate={new Date()}
          onChange={(value) => onChange({ publishAt: value ? value.slice(0, 16) : '' })}
          popoverProps={{ withinPortal: true }}
          className="schedule-picker"
        />
        <Select
          label="Time zone"
          data={zones}
          value={timeZone}
          searchable
          allowDeselect={false}
          disabled={disabled}
          onChange={(zone) => zone && onChange({ timeZone: zone })}
          className="schedule-zone"
        />
      </Group>
      <PublishAtField
        value={publishAt}
        timeZone={timeZone}
        disabled={disabled}
        onChange={(value) => onChange({ publishAt: value })}
      />
    </div>
  );
}
