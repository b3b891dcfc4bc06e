import { parentPort } from 'node:worker_threads';
import { parseSidecar } from './sidecar.ts';

/** Parses sidecars for SidecarParser, off the engine's event loop. */
parentPort?.on('message', (message: { id: number; file: string; text: string }) => {
  parentPort?.postMessage({ id: message.id, result: parseSidecar(message.file, message.text) });
});
