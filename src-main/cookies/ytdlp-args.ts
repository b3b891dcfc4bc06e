import { join } from 'node:path';
import { FILE_TEMPLATE, PROGRESS_TEMPLATE } from './ytdlp-output.ts';

/**
 * --ignore-config: a user's yt-dlp config could add --cookies-from-browser
 * or another --cookies and silently override the stored file.
 * --print implies --quiet, so --progress brings the progress lines back.
 */
export function ytDlpArgs(opts: {
  url: string;
  outDir: string;
  cookieFile: string | null;
}): string[] {
  return [
    '--ignore-config',
    '--newline',
    '--progress',
    '--progress-template',
    PROGRESS_TEMPLATE,
    '--print',
    FILE_TEMPLATE,
    '--no-playlist',
    ...(opts.cookieFile ? ['--cookies', opts.cookieFile] : []),
    '-o',
    join(opts.outDir, '%(title)s [%(id)s].%(ext)s'),
    '--',
    opts.url,
  ];
}
