import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { baseName } from '../../src-shared/watch/file-kinds.ts';
import { parseSidecar, type SidecarResult } from './sidecar.ts';

/** A sidecar that takes longer than this is refused (a real one parses in about a millisecond). */
export const SIDECAR_PARSE_TIMEOUT_MS = 20_000;

interface Pending {
  file: string;
  resolve(result: SidecarResult): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Parses sidecars in a worker thread: a 1 MB YAML of 200,000 keys takes the
 * yaml package seconds, which on the engine's own thread would stall every
 * API call and upload. Where the worker file is missing (a bundle built
 * without it) it parses in place, which is slower to answer, never wrong.
 */
export class SidecarParser {
  readonly #url: URL | null;
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  readonly #timeoutMs: number;

  constructor(opts: { timeoutMs?: number; workerUrl?: URL | null } = {}) {
    this.#timeoutMs = opts.timeoutMs ?? SIDECAR_PARSE_TIMEOUT_MS;
    this.#url = opts.workerUrl === undefined ? defaultWorkerUrl() : opts.workerUrl;
  }

  parse(file: string, text: string): Promise<SidecarResult> {
    if (this.#url === null) return Promise.resolve(parseSidecar(file, text));
    const worker = this.#ensureWorker(this.#url);
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve({
          ok: false,
          message: `${baseName(file)}: reading it took longer than ${Math.round(this.#timeoutMs / 1000)} s; a sidecar holds a few fields (title, description, tags...).`,
        });
        // The stuck parse keeps the worker busy: replace it.
        this.#restart();
      }, this.#timeoutMs);
      timer.unref();
      this.#pending.set(id, { file, resolve, timer });
      worker.postMessage({ id, file, text });
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#failAll('Dropline is stopping');
    await worker?.terminate();
  }

  #ensureWorker(url: URL): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(url);
    worker.unref();
    worker.on('message', (message: { id: number; result: SidecarResult }) => {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.#pending.delete(message.id);
      pending.resolve(message.result);
    });
    const lost = (why: string) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#failAll(why);
    };
    worker.on('error', (error) => lost(`the sidecar reader failed (${error.message})`));
    worker.on('exit', () => lost('the sidecar reader stopped'));
    this.#worker = worker;
    return worker;
  }

  #restart(): void {
    const worker = this.#worker;
    this.#worker = null;
    this.#failAll('another sidecar took too long to read; Dropline looks at it again later');
    void worker?.terminate();
  }

  #failAll(why: string): void {
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      this.#pending.delete(id);
      pending.resolve({ ok: false, message: `${baseName(pending.file)}: ${why}.` });
    }
  }
}

/** Next to this module: the .ts source (Node runs it directly), or the bundle's .js entry. */
function defaultWorkerUrl(): URL | null {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const url = new URL(`./sidecar-worker${ext}`, import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}
