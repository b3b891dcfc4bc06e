import { parentPort } from 'node:worker_threads';
import { parseSidecar, type SidecarResult } from './sidecar.ts';

/** Parses sidecars for SidecarParser, off the engine's event loop. */
parentPort?.on('message', (message: { id: number; file: string; text: string }) => {
  let result: SidecarResult;
  try {
    result = parseSidecar(message.file, message.text);
  } catch (error) {
    result = {
      ok: false,
      message: `${message.file}: cannot be read (${(error as Error).message}).`,
    };
  }
  parentPort?.postMessage({ id: message.id, result });
});
