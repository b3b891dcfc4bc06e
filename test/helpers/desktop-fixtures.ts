import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A renderer folder with just an index.html: the app protocol has something to serve. */
export function fakeRenderer(dir: string): string {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dropline</title>');
  return rendererDir;
}
