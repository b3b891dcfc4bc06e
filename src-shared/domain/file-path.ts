import { z } from 'zod';
import { quoted } from '../text/quote.ts';

/** POSIX `/x`, Windows `C:\x` or `C:/x`, and UNC `\\server\share`. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/**
 * A path the engine opens for the caller. The engine's working directory is
 * not the caller's, so a relative path would name another file (the CLI
 * resolves its arguments first); it is refused, naming it.
 */
export const AbsolutePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine(isAbsolutePath, {
    error: (issue) =>
      `${quoted(String(issue.input))} is a relative path; give the full path (the engine does not know your working directory)`,
  });
