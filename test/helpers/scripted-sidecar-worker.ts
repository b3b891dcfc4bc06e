// A stand-in for src-main/watch/sidecar-worker.ts that misbehaves on request, by file name, so
// SidecarParser's handling of a lost, failing or stuck reader can be tested without timing.
import { parentPort, threadId } from 'node:worker_threads';

parentPort?.on('message', (message: { id: number; file: string }) => {
  switch (message.file) {
    case 'exit.yaml':
      process.exit(3);
      break;
    case 'throw.yaml':
      throw new Error('boom');
    case 'hang.yaml':
      // An answer to no one (as a late answer after a timeout would be), then none at all.
      parentPort?.postMessage({ id: -1, result: { ok: true, fields: {}, lines: {} } });
      break;
    default:
      // The thread's id as the title: which worker answered.
      parentPort?.postMessage({
        id: message.id,
        result: { ok: true, fields: { title: `thread ${threadId}` }, lines: {} },
      });
  }
});
