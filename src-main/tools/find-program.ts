import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A full path is taken as it is (when executable); a command name is looked
 * up on PATH (with PATHEXT on Windows). Null when there is no such program.
 */
export function findProgram(
  program: string,
  pathEnv: string | undefined,
  platform: NodeJS.Platform = process.platform,
  pathExt: string | undefined = process.env.PATHEXT,
): string | null {
  if (isAbsolute(program) || program.includes('/') || program.includes('\\'))
    return isExecutable(program) ? program : null;
  const exts = platform === 'win32' ? ['', ...(pathExt ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = join(dir, program + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}
