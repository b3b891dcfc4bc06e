import { useEffect, useState, type KeyboardEvent } from 'react';

/**
 * A whole-number setting saved when the user is done typing (Enter or
 * leaving the field), not on every keystroke: typing 20000 must not pass
 * through 2 and 20 on its way, each a live setting the engine acts on.
 */
export function NumberSetting(props: {
  label: string;
  name: string;
  min: number;
  max?: number;
  value: number;
  save(value: number): void;
}) {
  const { label, name, min, max, value, save } = props;
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const parsed = Number(draft);
  const valid =
    draft.trim() !== '' &&
    Number.isInteger(parsed) &&
    parsed >= min &&
    (max === undefined || parsed <= max);
  const commit = () => {
    if (valid && parsed !== value) save(parsed);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') setDraft(String(value));
  };
  return (
    <label>
      {label}
      <input
        type="number"
        name={name}
        min={min}
        max={max}
        value={draft}
        aria-invalid={!valid}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKey}
      />
      {!valid && (
        <span className="error-text" role="alert">
          {max === undefined
            ? `A whole number, ${min} or more.`
            : `A whole number from ${min} to ${max}.`}
        </span>
      )}
    </label>
  );
}
