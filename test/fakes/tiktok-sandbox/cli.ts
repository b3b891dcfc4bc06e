// `node test/fakes/tiktok-sandbox/cli.ts [--port N] [--auto-approve]`: a local TikTok for trying Dropline.
import { parseArgs } from 'node:util';
import { startTikTokSandbox } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'auto-approve': { type: 'boolean', default: false },
  },
});
const sandbox = await startTikTokSandbox({
  port: Number(values.port),
  autoApprove: values['auto-approve'],
});
console.log(
  `TikTok sandbox listening on ${sandbox.baseUrl}  (DROPLINE_TIKTOK_BASE_URL=${sandbox.baseUrl})`,
);
for (const app of [sandbox.apps.audited, sandbox.apps.unaudited])
  console.log(
    `  app ${app.clientKey} / ${app.clientSecret}  (${app.audited ? 'audited' : 'unaudited: SELF_ONLY only'})`,
  );
for (const a of sandbox.accounts)
  console.log(`  account ${a.openId}  ${a.nickname} (@${a.username})`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
