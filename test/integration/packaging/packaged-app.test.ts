import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, test } from 'vitest';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';
import { tempDir } from '../../helpers/temp-dir.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse is the byte '0' (off) or '1' (on) in the wire (@electron/fuses does not export these). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

/**
 * Electron's runtime cannot be downloaded here, so electron-builder packs a
 * stand-in: a directory laid out like an Electron Linux build whose "binary"
 * carries Electron's fuse wire (sentinel, version 1, eight fuses at their
 * stock values), so the fuses step really flips bytes in it.
 */
function standInElectron(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const stock = '10110001';
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in for Electron"\n# '),
      Buffer.from(SENTINEL),
      Buffer.from([1, stock.length]),
      Buffer.from(stock),
      Buffer.from('\n'),
    ]),
    { mode: 0o755 },
  );
  writeFileSync(join(dir, 'chrome-sandbox'), '', { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'MIT');
  writeFileSync(join(dir, 'version'), '45.4.1');
  return dir;
}

function run(cmd: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += String(c)));
    child.stderr.on('data', (c) => (output += String(c)));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('the packaged app (electron-builder --dir, offline)', { timeout: 300_000 }, () => {
  const dir = tempDir('dropline-pack-');
  const out = join(dir.path, 'dist');
  const appDir = join(out, 'linux-unpacked');
  const archive = join(appDir, 'resources', 'app.asar');
  let files: string[] = [];

  beforeAll(async () => {
    assert.ok(
      existsSync(join(ROOT, 'out/main/main.js')) &&
        existsSync(join(ROOT, 'out/preload/preload.cjs')),
      'out/ has no desktop build: run `npm run build` first (npm test does)',
    );
    const electronDist = standInElectron(join(dir.path, 'electron-dist'));
    const result = await run(join(ROOT, 'node_modules/.bin/electron-builder'), [
      '--dir',
      '--linux',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      '-c.electronVersion=45.4.1',
      `-c.directories.output=${out}`,
    ]);
    assert.equal(result.code, 0, result.output);
    files = asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  }, 300_000);
  afterAll(() => dir.remove());

  test('the main, preload and renderer bundles are in app.asar', () => {
    for (const f of ['/out/main/main.js', '/out/preload/preload.cjs', '/out/renderer/index.html'])
      assert.ok(files.includes(f), `${f} in app.asar`);
    assert.ok(files.some((f) => /^\/out\/renderer\/assets\/index-.*\.js$/.test(f)));
    assert.ok(files.includes('/package.json'));
  });

  test('native modules and the ffprobe binary are unpacked next to the archive', () => {
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked');
    const natives = [
      'node_modules/better-sqlite3/prebuilds/linux-x64.node',
      ...files
        .filter((f) => /^\/node_modules\/@napi-rs\/keyring-[^/]+\/.*\.node$/.test(f))
        .map((f) => f.slice(1)),
      ...files
        .filter((f) => /^\/node_modules\/@img\/sharp-[^/]+\/lib\/.*\.node$/.test(f))
        .map((f) => f.slice(1)),
      'node_modules/@ffprobe-installer/linux-x64/ffprobe',
    ];
    assert.ok(
      natives.some((n) => n.includes('@napi-rs/keyring-')),
      'a keyring binary',
    );
    assert.ok(
      natives.some((n) => n.includes('@img/sharp-')),
      'a sharp binary',
    );
    for (const n of natives) {
      const entry = asar.statFile(archive, n) as { unpacked?: boolean };
      assert.equal(entry.unpacked, true, `${n} is marked unpacked`);
      assert.ok(existsSync(join(unpacked, n)), `${n} is on disk`);
    }
    const ffprobe = statSync(join(unpacked, 'node_modules/@ffprobe-installer/linux-x64/ffprobe'));
    assert.ok(ffprobe.mode & 0o100, 'ffprobe stays executable');
  });

  test('no tests, no sources, no source maps, no devDependencies', () => {
    assert.deepEqual(
      files.filter((f) => f.endsWith('.map')),
      [],
    );
    assert.deepEqual(
      files.filter(
        (f) =>
          /\/(test|tests|__tests__)\//.test(f) ||
          /^\/(src-main|src-shared|src-renderer|bench|scripts)\//.test(f),
      ),
      [],
    );
    assert.deepEqual(
      files.filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts')),
      [],
    );
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const shipped = new Set(
      files.map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean),
    );
    for (const dev of Object.keys(pkg.devDependencies))
      assert.equal(shipped.has(dev), false, `devDependency ${dev} is not shipped`);
    for (const dep of Object.keys(pkg.dependencies))
      assert.ok(shipped.has(dep), `dependency ${dep} is shipped`);
  });

  test('the fuses are flipped in the packed binary', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'dropline-app'));
    assert.equal(wire[FuseV1Options.RunAsNode], FuseState.DISABLE);
    assert.equal(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable], FuseState.DISABLE);
    assert.equal(wire[FuseV1Options.EnableNodeCliInspectArguments], FuseState.DISABLE);
    assert.equal(wire[FuseV1Options.EnableCookieEncryption], FuseState.ENABLE);
    assert.equal(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation], FuseState.ENABLE);
    assert.equal(wire[FuseV1Options.OnlyLoadAppFromAsar], FuseState.ENABLE);
  });

  test('the tray icons, the CLI launchers and the update feed ship as resources', () => {
    const resources = join(appDir, 'resources');
    for (const f of ['tray/idle.png', 'tray/uploading@2x.png', 'tray/attentionTemplate.png'])
      assert.ok(existsSync(join(resources, f)), f);
    const launcher = join(resources, 'bin/dropline');
    assert.ok(statSync(launcher).mode & 0o100, 'the launcher is executable');
    assert.match(readFileSync(launcher, 'utf8'), /--cli "\$@"/);
    assert.ok(existsSync(join(resources, 'bin/dropline.cmd')));
    const feed = parse(readFileSync(join(resources, 'app-update.yml'), 'utf8')) as Record<
      string,
      unknown
    >;
    assert.equal(feed.provider, 'github');
    assert.equal(feed.updaterCacheDirName, 'dropline-updater');
  });
});
