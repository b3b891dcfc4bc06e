// `npm run sandbox [-- --port N --seed file.json --auto-approve]`: a local Google for trying Dropline without an account.
import { parseArgs } from 'node:util';
import { startGoogleSandbox } from './server.ts';

const usage =
  'usage: npm run sandbox -- [--port N] [--seed file.json] [--auto-approve] [--files-dir DIR]';

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        seed: { type: 'string' },
        'auto-approve': { type: 'boolean', default: false },
        'files-dir': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (args.help) return console.log(usage);
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be 0-65535, got "${args.port}"\n${usage}`);
    process.exit(2);
  }
  const sandbox = await startGoogleSandbox({
    port,
    seed: args.seed,
    autoApprove: args['auto-approve'],
    filesDir: args['files-dir'],
  });
  const lines = [
    `Google sandbox listening on ${sandbox.baseUrl}`,
    `  point Dropline at it:  DROPLINE_GOOGLE_BASE_URL=${sandbox.baseUrl}`,
    `  control API:           ${sandbox.baseUrl}/__sandbox/state`,
    `  uploads stored in:     ${sandbox.filesDir}`,
    '',
    'OAuth clients it accepts (client_id / client_secret; these are test values, not secrets):',
    ...sandbox
      .clients()
      .map(
        (c) =>
          `  ${c.clientId} / ${c.clientSecret}  (${c.name}; ${c.publishingStatus}${c.audited ? '' : ', unaudited: uploads locked private'})`,
      ),
    '',
    'Accounts and channels (pick one on the consent page, or pass login_hint=<channel id>):',
  ];
  for (const channel of sandbox.inspect.state().channels)
    lines.push(
      `  ${channel.accountEmail.padEnd(20)} ${channel.id}  ${channel.title}${channel.brand ? ' (brand)' : ''}${channel.canSetCustomThumbnails ? '' : ' (no custom thumbnails)'}`,
    );
  console.log(lines.join('\n'));
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
