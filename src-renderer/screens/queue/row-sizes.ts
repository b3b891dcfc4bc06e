import type { Row } from './rows.ts';

/**
 * What decides a row's height: a channel header, or a job with so many warning lines and an error
 * line or not. Rows of one shape are as tall as each other, so one measured row tells the height
 * of every row of its shape that has not been on screen yet.
 */
export function rowShape(row: Row | undefined): string {
  if (!row || row.kind === 'channel') return 'channel';
  const { job } = row;
  const errorLine = job.error !== null && job.state === 'failed' ? 1 : 0;
  return `job:${job.warnings.length}:${errorLine}`;
}

/** Heights before anything is measured: a header, and a job row with a title, a bar and a line. */
const FIRST_GUESS = { channel: 64, job: 76, line: 18 } as const;

/**
 * Row heights learnt per shape. The virtualizer places rows it has not measured at their estimated
 * height; when the estimate is the measured height of the same shape, a row coming into view
 * moves nothing below it, so scrolling does not re-position every row on screen each frame.
 */
export function createRowSizes() {
  const learnt = new Map<string, number>();
  return {
    estimate(shape: string): number {
      const known = learnt.get(shape);
      if (known !== undefined) return known;
      if (shape === 'channel') return FIRST_GUESS.channel;
      const [, warnings = '0', error = '0'] = shape.split(':');
      return FIRST_GUESS.job + FIRST_GUESS.line * (Number(warnings) + Number(error));
    },
    learn(shape: string, height: number): void {
      // A row not laid out yet (display: none, detached) measures 0: not a height to learn.
      if (height > 0) learnt.set(shape, height);
    },
  };
}

export type RowSizes = ReturnType<typeof createRowSizes>;
