// Run in a child process (as an unprivileged user when the tests run as root, since root
// reads any folder): watches argv[2] with a TreeWatcher and prints what it saw, as JSON.
import { relative } from 'node:path';
import { TreeWatcher } from '../../../src-main/watch/tree-watcher.ts';

const root = process.argv[2]!;
const added: string[] = [];
const errors: string[] = [];
const watcher = new TreeWatcher(
  root,
  { recursive: true, polling: false, ignored: () => false, batchSize: 1, concurrency: 1 },
  {
    add: (abs) => added.push(relative(root, abs)),
    change: () => undefined,
    unlink: () => undefined,
    unlinkDir: () => undefined,
    error: (error) => errors.push((error as NodeJS.ErrnoException).code ?? String(error)),
  },
);
await watcher.ready;
await watcher.close();
process.stdout.write(JSON.stringify({ added: added.sort(), errors }));
