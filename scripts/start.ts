// `npm start`: the desktop app when Electron's runtime is available, else the
// headless mode in the browser (said in one line).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));
const electronDir = packageDir('electron');

function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function run(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
}

let binary = electronBinary();
if (binary === null) {
  // Electron downloads its runtime on first start; this fails fast without internet.
  spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  binary = electronBinary();
}

if (
  binary !== null &&
  run(process.execPath, [join(packageDir('electron-vite'), 'bin', 'electron-vite.js'), 'build'])
) {
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'Electron runtime unavailable (it could not be downloaded); starting Dropline in headless mode in your browser instead.',
  );
  if (
    !run(process.execPath, [
      join(packageDir('vite'), 'bin', 'vite.js'),
      'build',
      '--logLevel',
      'warn',
    ])
  )
    process.exit(1);
  const child = spawn(process.execPath, ['bin/dropline.js', 'serve', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
