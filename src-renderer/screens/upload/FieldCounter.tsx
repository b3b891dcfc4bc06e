import type { FieldCount } from './upload-draft.ts';

/** "12 / 100", turning red past YouTube's limit; read out by screen readers with its unit. */
export function FieldCounter({ count, note }: { count: FieldCount; note?: string }) {
  const over = count.used > count.limit;
  return (
    <span
      className={over ? 'field-count field-count-over' : 'field-count'}
      data-testid="field-count"
    >
      {count.used} / {count.limit}
      <span className="visually-hidden"> {count.unit}</span>
      {note && <span className="field-count-note"> · {note}</span>}
    </span>
  );
}
