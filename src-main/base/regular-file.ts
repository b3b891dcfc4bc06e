import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tooLargeMessage } from '../../src-shared/domain/input-limits.ts';

export type FileRefusalReason = 'missing' | 'not_regular' | 'too_large' | 'unreadable';

/** Why a file from outside was not read; the message names the file and what to do. */
export class FileRefusal extends Error {
  readonly reason: FileRefusalReason;
  readonly path: string;
  readonly code: string | undefined;
  constructor(reason: FileRefusalReason, path: string, message: string, code?: string) {
    super(message);
    this.name = 'FileRefusal';
    this.reason = reason;
    this.path = path;
    this.code = code;
  }
}

export interface ReadLimits {
  /** For messages: "sidecar", "thumbnail", "cookie file". */
  what: string;
  /** Refused before reading when larger (see inputLimits). */
  maxBytes: number;
  /** The name shown in messages (default: the path). */
  name?: string;
}

// O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer,
// which would hold one of libuv's four threads (and with four, every file call) for good.
// Windows has no such flag and no FIFOs in the file system.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function openFailure(error: unknown, path: string, what: string): FileRefusal {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return new FileRefusal('missing', path, `The ${what} ${path} does not exist.`, code);
  if (code === 'ENXIO' || code === 'EISDIR')
    return new FileRefusal(
      'not_regular',
      path,
      `The ${what} ${path} is not a regular file; Dropline reads only regular files.`,
      code,
    );
  return new FileRefusal(
    'unreadable',
    path,
    `The ${what} ${path} cannot be read (${code ?? (error as Error).message}).`,
    code,
  );
}

function notRegular(stats: Stats, path: string, what: string): FileRefusal {
  return new FileRefusal(
    'not_regular',
    path,
    `The ${what} ${path} is ${kindOf(stats)}, not a regular file; Dropline reads only regular files.`,
  );
}

/** Opens a regular file for reading, never blocking on a FIFO; throws FileRefusal. */
export async function openRegularFile(
  path: string,
  what: string,
): Promise<{ handle: FileHandle; stats: Stats }> {
  let handle: FileHandle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    throw openFailure(error, path, what);
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw notRegular(stats, path, what);
  }
  return { handle, stats };
}

/** The synchronous twin, for enqueue (which persists jobs in one step) and the vault's key file. */
export function openRegularFileSync(path: string, what: string): { fd: number; stats: Stats } {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    throw openFailure(error, path, what);
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw notRegular(stats, path, what);
  }
  return { fd, stats };
}

function tooLarge(path: string, size: number, limits: ReadLimits): FileRefusal {
  return new FileRefusal(
    'too_large',
    path,
    tooLargeMessage(limits.what, limits.name ?? path, size, limits.maxBytes),
  );
}

/**
 * Reads a whole regular file of at most `maxBytes`: the size is checked
 * before a byte is read, and a file that grows meanwhile is cut off at the
 * limit and refused rather than read on.
 */
export async function readRegularFile(path: string, limits: ReadLimits): Promise<Buffer> {
  const { handle, stats } = await openRegularFile(path, limits.what);
  try {
    if (stats.size > limits.maxBytes) throw tooLarge(path, stats.size, limits);
    const buffer = Buffer.alloc(limits.maxBytes + 1);
    let read = 0;
    while (read < buffer.length) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    if (read > limits.maxBytes) throw tooLarge(path, read, limits);
    return buffer.subarray(0, read);
  } finally {
    await handle.close();
  }
}

export function readRegularFileSync(path: string, limits: ReadLimits): Buffer {
  const { fd, stats } = openRegularFileSync(path, limits.what);
  try {
    if (stats.size > limits.maxBytes) throw tooLarge(path, stats.size, limits);
    const buffer = Buffer.alloc(limits.maxBytes + 1);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read > limits.maxBytes) throw tooLarge(path, read, limits);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
