/** YouTube's quota day runs from midnight to midnight in America/Los_Angeles (DST included). */
const zone = 'America/Los_Angeles';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function fields(ms: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts.formatToParts(new Date(ms)))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Offset of Pacific local time from UTC at `ms`, in ms (e.g. -7 h in summer). */
function offsetAt(ms: number): number {
  const f = fields(ms);
  const local = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!);
  return local - Math.floor(ms / 1000) * 1000;
}

/** The quota day containing `ms`, as YYYY-MM-DD in Pacific time. */
export function pacificDay(ms: number): string {
  const f = fields(ms);
  return `${f.year}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
}

/** The next Pacific midnight strictly after `ms`: when the quota resets. */
export function nextPacificMidnight(ms: number): number {
  const f = fields(ms);
  const localMidnight = Date.UTC(f.year!, f.month! - 1, f.day! + 1);
  // Guess with the current offset, then correct once for a DST change in between.
  let guess = localMidnight - offsetAt(ms);
  guess = localMidnight - offsetAt(guess);
  return guess;
}
