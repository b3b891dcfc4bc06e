import { afterEach, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TreeWatcher, type TreeWatcherOptions } from '../../../src-main/watch/tree-watcher.ts';

const roots: string[] = [];
const watchers: TreeWatcher[] = [];
afterEach(async () => {
  for (const w of watchers.splice(0)) await w.close();
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'dropline-tree-'));
  roots.push(root);
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
}

/** Watches `root`, one folder per scan so every hand-over between scans is exercised. */
function watchTree(
  root: string,
  onAdd: (rel: string) => void = () => undefined,
  options: Partial<TreeWatcherOptions> = {},
) {
  const added: string[] = [];
  const errors: unknown[] = [];
  /** Every event but `add`, as "kind rel" ("change a/one.mp4", "unlinkDir a"). */
  const events: string[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const record = (kind: string) => (abs: string) => {
    events.push(`${kind} ${relative(root, abs)}`);
    notify();
  };
  const watcher = new TreeWatcher(
    root,
    {
      recursive: true,
      polling: false,
      ignored: () => false,
      batchSize: 1,
      concurrency: 1,
      ...options,
    },
    {
      add: (abs) => {
        const rel = relative(root, abs);
        added.push(rel);
        onAdd(rel);
        notify();
      },
      change: record('change'),
      unlink: record('unlink'),
      unlinkDir: record('unlinkDir'),
      error: (error) => errors.push(error),
    },
  );
  watchers.push(watcher);
  /** Resolves once `done()` holds, checked at each report (an explicit signal, not a sleep). */
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (done()) resolve();
      };
      listeners.add(check);
      check();
    });
  /** Resolves once `rel` has been reported. */
  const seen = (rel: string) => until(() => added.includes(rel));
  /** Resolves once this event ("unlink a/one.mp4") has been reported. */
  const reported = (event: string) => until(() => events.includes(event));
  return { watcher, added, errors, events, until, seen, reported };
}

/**
 * The file-system watches (inotify) this process holds open, once the count is `expected`
 * or 20 event-loop turns have passed: chokidar releases a closed watch's handle two
 * turns after its close resolves. Turns, not time: no sleep.
 */
const fsWatches = async (expected = 0) => {
  const count = () =>
    process.getActiveResourcesInfo().filter((kind) => kind === 'FSEventWrap').length;
  for (let turn = 0; turn < 20 && count() !== expected; turn++) await new Promise(setImmediate);
  return count();
};

describe('TreeWatcher: chokidar one folder level at a time', () => {
  test('every file in nested folders is reported once, before ready', async () => {
    const files = ['top.mp4', 'a/one.mp4', 'a/b/two.mp4', 'a/b/c/three.mp4', 'd/four.mp4'];
    const { watcher, added, errors } = watchTree(tree(files));
    await watcher.ready;
    assert.deepEqual([...added].sort(), [...files].sort());
    assert.deepEqual(errors, []);
  });

  test('several folders per scan and several scans at once: still each file once', async () => {
    const files = Array.from({ length: 30 }, (_, i) => `s${i % 7}/t${i % 3}/f${i}.mp4`);
    const { watcher, added } = watchTree(tree(files), undefined, { batchSize: 4, concurrency: 3 });
    await watcher.ready;
    assert.deepEqual([...added].sort(), [...files].sort());
  });

  test('a non-recursive folder reports only its own files', async () => {
    const { watcher, added } = watchTree(tree(['top.mp4', 'a/one.mp4']), undefined, {
      recursive: false,
    });
    await watcher.ready;
    assert.deepEqual(added, ['top.mp4']);
  });

  test('a folder that disappears mid-walk: the walk ends, and its videos are seen when it is back', async () => {
    const names = ['a', 'b', 'c', 'd'];
    const root = tree(names.map((n) => `${n}/video.mp4`));
    let removed: string[] = [];
    const { watcher, added, errors, seen } = watchTree(root, (rel) => {
      // The first folder is being listed; the others are still queued: take them away.
      if (removed.length > 0) return;
      removed = names.filter((n) => !rel.startsWith(`${n}/`));
      for (const n of removed) rmSync(join(root, n), { recursive: true });
    });
    await watcher.ready;
    assert.equal(added.length, 1, `only the folder being listed: ${added.join(', ')}`);
    assert.deepEqual(errors, [], 'a vanished folder is not an error');
    const back = removed[0]!;
    mkdirSync(join(root, back));
    writeFileSync(join(root, back, 'again.mp4'), '');
    await seen(`${back}/again.mp4`);
    assert.equal(added.filter((a) => a === `${back}/again.mp4`).length, 1, 'reported once');
  });

  test('a folder made after the start is watched, and its videos are seen', async () => {
    const root = tree(['top.mp4']);
    const { watcher, seen, added } = watchTree(root);
    await watcher.ready;
    mkdirSync(join(root, 'new', 'deeper'), { recursive: true });
    writeFileSync(join(root, 'new', 'deeper', 'late.mp4'), '');
    await seen('new/deeper/late.mp4');
    writeFileSync(join(root, 'new', 'later.mp4'), '');
    await seen('new/later.mp4');
    assert.equal(added.filter((a) => a === 'new/later.mp4').length, 1);
  });

  test('a folder tree removed and made again: the videos in its subfolders are seen again', async () => {
    const root = tree(['a/sub/deeper/one.mp4', 'top.mp4']);
    const { watcher, seen, reported, added } = watchTree(root);
    await watcher.ready;
    rmSync(join(root, 'a'), { recursive: true });
    await reported('unlinkDir a');
    // Each folder under the one removed is forgotten with it, or coming back it would be
    // taken as already watched and never listed.
    mkdirSync(join(root, 'a', 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(root, 'a', 'sub', 'deeper', 'again.mp4'), '');
    await seen('a/sub/deeper/again.mp4');
    assert.equal(added.filter((a) => a === 'a/sub/deeper/again.mp4').length, 1, 'reported once');
  });

  test('changes, removed files and removed folders are reported with their paths', async () => {
    const root = tree(['a/one.mp4', 'a/b/two.mp4', 'keep.mp4']);
    const { watcher, events, reported } = watchTree(root);
    await watcher.ready;
    writeFileSync(join(root, 'a', 'one.mp4'), 'more bytes');
    await reported('change a/one.mp4');
    rmSync(join(root, 'keep.mp4'));
    await reported('unlink keep.mp4');
    rmSync(join(root, 'a', 'b'), { recursive: true });
    await reported('unlinkDir a/b');
    assert.ok(events.includes('unlink a/b/two.mp4'), events.join(', '));
  });

  test('the ignore rule keeps files and folders out, but never the watched folder itself', async () => {
    // A watched folder may itself be named like something ignored (a dot folder).
    const root = join(tree([]), '.videos');
    for (const file of ['one.mp4', 'one.mp4.part', 'cache/two.mp4', 'sub/three.mp4']) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
    }
    const ignored = (path: string) =>
      path.endsWith('.part') || basename(path) === 'cache' || basename(path).startsWith('.');
    const { watcher, added } = watchTree(root, undefined, { ignored });
    await watcher.ready;
    assert.deepEqual([...added].sort(), ['one.mp4', 'sub/three.mp4']);
  });

  test('close lets go of every file-system watch, also when it comes in the middle of the walk', async () => {
    const before = await fsWatches();
    const done = tree(['a/one.mp4', 'b/two.mp4']);
    const whole = watchTree(done);
    await whole.watcher.ready;
    assert.ok((await fsWatches(before + 3)) > before, 'the walk holds watches');
    await whole.watcher.close();
    assert.equal(await fsWatches(before), before, 'closed after the walk');

    const names = ['a', 'b', 'c', 'd', 'e'];
    const root = tree(names.map((n) => `${n}/video.mp4`));
    let closing: Promise<void> | undefined;
    const midway = watchTree(root, () => {
      closing ??= midway.watcher.close();
    });
    await midway.until(() => closing !== undefined);
    await closing;
    assert.equal(
      await fsWatches(before),
      before,
      'closed during the walk: no scan starts after it',
    );
  });

  test('a folder it may not read is reported as an error; the rest is still listed', () => {
    const root = tree(['a/one.mp4', 'locked/hidden.mp4', 'z/two.mp4']);
    chmodSync(root, 0o755);
    chmodSync(join(root, 'locked'), 0o000);
    const child = fileURLToPath(new URL('./tree-watcher-child.ts', import.meta.url));
    // Root reads every folder: the watch then runs as "nobody".
    const asRoot = process.getuid?.() === 0;
    const [command, args] = asRoot
      ? [
          'setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, child, root],
        ]
      : [process.execPath, [child, root]];
    const out = execFileSync(command, args, { encoding: 'utf8', timeout: 60_000 });
    chmodSync(join(root, 'locked'), 0o755);
    const seen = JSON.parse(out) as { added: string[]; errors: string[] };
    assert.deepEqual(seen.added, ['a/one.mp4', 'z/two.mp4']);
    assert.deepEqual(seen.errors, ['EACCES']);
  });
});
