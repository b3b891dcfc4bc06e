// A throwaway engine for the crash test: imports a cookie file, starts a
// download, reports the download id on stdout and then waits to be killed.
import { createCore } from '../../../src-main/core/create-core.ts';
import { configFromEnv } from '../../../src-main/core/config.ts';

const [cookieFile, url, outDir] = process.argv.slice(2) as [string, string, string];
const core = createCore(configFromEnv({ env: process.env, mode: 'headless', version: 'test' }));
core.services.cookies.import({ path: cookieFile, label: 'crash' });
const download = core.services.downloads.start({ url, label: 'crash', outDir });
process.stdout.write(`${download.id}\n`);
setInterval(() => undefined, 1000);
