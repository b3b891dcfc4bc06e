import { join } from 'node:path';
import { inputLimits } from '../../src-shared/domain/input-limits.ts';
import { FileRefusal, readRegularFile } from '../base/regular-file.ts';
import type { SidecarResult } from './sidecar.ts';
import type { SidecarParser } from './sidecar-parser.ts';

/** Size and kind first (a FIFO or an 18 MB file is refused unread), then parsed off the event loop. */
export async function readSidecar(
  parser: SidecarParser,
  folderPath: string,
  relPath: string,
): Promise<SidecarResult> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(join(folderPath, relPath), {
      what: 'sidecar',
      maxBytes: inputLimits.sidecarBytes,
      name: relPath,
    });
  } catch (error) {
    if (error instanceof FileRefusal) return { ok: false, message: error.message };
    throw error;
  }
  return parser.parse(relPath, bytes.toString('utf8'));
}
