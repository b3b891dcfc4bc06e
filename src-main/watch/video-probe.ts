import { execFile } from 'node:child_process';

export type ProbeResult = { ok: true; durationSeconds: number } | { ok: false; reason: string };

/** Checks that a video is readable to the end; an edge so tests can run without ffprobe. */
export interface VideoProbe {
  probe(path: string): Promise<ProbeResult>;
}

function run(bin: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: timeoutMs, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error((stderr || error.message).trim().split('\n').pop() ?? ''));
      else resolve(stdout);
    });
  });
}

/** ffprobe, when installed: a half-written MP4 (no moov atom yet) has no duration. */
export async function findFfprobe(bin = 'ffprobe'): Promise<VideoProbe | null> {
  try {
    await run(bin, ['-version'], 5000);
  } catch {
    return null;
  }
  return {
    async probe(path) {
      try {
        const out = await run(
          bin,
          ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path],
          30_000,
        );
        const duration = Number.parseFloat(out.trim());
        if (!Number.isFinite(duration) || duration <= 0)
          return { ok: false, reason: 'ffprobe found no duration' };
        return { ok: true, durationSeconds: duration };
      } catch (error) {
        return { ok: false, reason: `ffprobe could not read it: ${(error as Error).message}` };
      }
    },
  };
}

/**
 * ffprobe (`bin` is read at each probe: the bundled one, or the path the
 * user set), checked once per program; without a working one every video
 * passes (size and mtime stability still apply).
 */
export function optionalFfprobe(bin: string | (() => string) = 'ffprobe'): VideoProbe {
  const program = typeof bin === 'function' ? bin : () => bin;
  const found = new Map<string, Promise<VideoProbe | null>>();
  return {
    async probe(path) {
      const name = program();
      let probe = found.get(name);
      if (!probe) found.set(name, (probe = findFfprobe(name)));
      const working = await probe;
      return working ? working.probe(path) : { ok: true, durationSeconds: 0 };
    },
  };
}
