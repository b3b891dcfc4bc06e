import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isFinalDownloadState, type Download } from '../../../../src-shared/domain/cookie-file.ts';
import { DownloadSchema } from '../../../../src-shared/domain/cookie-file.ts';
import { ExitCode, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { withEngine } from '../engine-session.ts';

function progressLine(d: Download): string {
  const pct = d.percent === null ? '' : `${d.percent.toFixed(1)}%`;
  const size = d.totalBytes === null ? '' : ` of ${(d.totalBytes / 1_048_576).toFixed(1)} MiB`;
  return `${d.state} ${pct}${size}${d.usedVersion === 'backup' ? ' (backup cookies)' : ''}`.trim();
}

export const downloadCommand: Command = {
  name: 'download',
  usage: 'dropline download URL [--cookies L] [--out DIR]',
  summary: 'Download with yt-dlp using a stored cookie file; waits until it ends',
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.args,
      allowPositionals: true,
      options: { cookies: { type: 'string' }, out: { type: 'string' } },
    });
    if (positionals.length !== 1) throw usageError('download: give exactly one URL.');
    const url = positionals[0] as string;
    if (!URL.canParse(url)) throw usageError(`download: "${url}" is not a URL.`);
    const outDir = resolve(values.out ?? '.');
    return withEngine(ctx, async ({ api, transport }) => {
      // Listen before starting: a fast download may end before the start call returns.
      const seen: Download[] = [];
      let wake: () => void = () => undefined;
      const off = transport.subscribe((event, payload) => {
        if (event !== 'downloads.progressed') return;
        const parsed = DownloadSchema.safeParse(payload);
        if (parsed.success) seen.push(parsed.data);
        wake();
      });
      try {
        const started = await api.invoke('downloads.start', { url, label: values.cookies, outDir });
        let stopped = false;
        void ctx.stopSignal.then(() => {
          stopped = true;
          void api.invoke('downloads.cancel', { id: started.id }).catch(() => undefined);
        });
        let last: Download = started;
        let lastPrinted = '';
        for (;;) {
          for (const d of seen.splice(0)) if (d.id === started.id) last = d;
          if (!ctx.json) {
            const line = progressLine(last);
            if (line !== lastPrinted) ctx.io.err((lastPrinted = line));
          }
          if (isFinalDownloadState(last.state)) break;
          await new Promise<void>((r) => (wake = r));
        }
        if (ctx.json) ctx.io.out(JSON.stringify(last));
        else if (last.state === 'done') ctx.io.out(last.file ?? outDir);
        else if (last.error) ctx.io.err(last.error.message);
        else if (stopped) ctx.io.err('Download cancelled.');
        return last.state === 'done' ? ExitCode.ok : ExitCode.failed;
      } finally {
        off();
      }
    });
  },
};
