import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * The ffprobe shipped with Dropline (`@ffprobe-installer/ffprobe`, one
 * binary per platform), or null on a platform it has none for. Inside the
 * packaged app the package sits in app.asar, but a program can only be run
 * from disk: electron-builder unpacks it next to the archive (asarUnpack).
 */
export function bundledFfprobePath(): string | null {
  try {
    const { path } = load('@ffprobe-installer/ffprobe') as { path: string };
    return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  } catch {
    return null;
  }
}
