/**
 * YouTube reads chapters from timestamps in the description: the first at
 * 0:00, at least three, in ascending order, each at least 10 seconds long.
 * There is no API for them, so a broken list only shows up as missing
 * chapters on the watch page; this names the line that breaks it.
 */
export interface Chapter {
  /** 1-based line of the description. */
  line: number;
  seconds: number;
  title: string;
}

export type ChapterCheck =
  | { kind: 'none' }
  | { kind: 'ok'; chapters: Chapter[] }
  | { kind: 'broken'; chapters: Chapter[]; problem: string };

export const chapterRules = { minChapters: 3, minSeconds: 10 } as const;

// A timestamp at the start of a line (after optional bullets), e.g. "0:00 Intro", "1:02:03 - Outro".
const timestampLine = /^\s*(?:[-*•]\s*)?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})\b\s*[-–—:|]?\s*(.*)$/;

export function parseChapters(description: string): Chapter[] {
  const out: Chapter[] = [];
  description.split(/\r?\n/).forEach((text, i) => {
    const m = timestampLine.exec(text);
    if (!m) return;
    const hours = Number(m[1] ?? 0);
    const minutes = Number(m[2]);
    const seconds = Number(m[3]);
    if (seconds > 59 || (m[1] !== undefined && minutes > 59)) return;
    out.push({
      line: i + 1,
      seconds: hours * 3600 + minutes * 60 + seconds,
      title: (m[4] ?? '').trim(),
    });
  });
  return out;
}

const clock = (s: number): string => {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
};

export function checkChapters(description: string): ChapterCheck {
  const chapters = parseChapters(description);
  if (chapters.length === 0) return { kind: 'none' };
  const broken = (problem: string): ChapterCheck => ({ kind: 'broken', chapters, problem });
  const first = chapters[0] as Chapter;
  if (first.seconds !== 0)
    return broken(
      `line ${first.line}: the first chapter starts at ${clock(first.seconds)}; YouTube needs the first at 0:00`,
    );
  for (let i = 1; i < chapters.length; i++) {
    const prev = chapters[i - 1] as Chapter;
    const cur = chapters[i] as Chapter;
    if (cur.seconds <= prev.seconds)
      return broken(
        `line ${cur.line}: ${clock(cur.seconds)} does not come after ${clock(prev.seconds)} (line ${prev.line}); chapters must be in ascending order`,
      );
    if (cur.seconds - prev.seconds < chapterRules.minSeconds)
      return broken(
        `line ${cur.line}: the chapter at ${clock(prev.seconds)} (line ${prev.line}) lasts ${cur.seconds - prev.seconds} s; each must last at least ${chapterRules.minSeconds} s`,
      );
  }
  if (chapters.length < chapterRules.minChapters)
    return broken(
      `line ${(chapters[chapters.length - 1] as Chapter).line}: only ${chapters.length} timestamp${chapters.length === 1 ? '' : 's'}; YouTube needs at least ${chapterRules.minChapters} for chapters`,
    );
  return { kind: 'ok', chapters };
}

/** The job warning for a broken list, or null. `where` names the description ("description", "localizations.de"). */
export function chapterWarning(description: string, where = 'description'): string | null {
  const check = checkChapters(description);
  return check.kind === 'broken'
    ? `Chapters in the ${where} will not show: ${check.problem}.`
    : null;
}
