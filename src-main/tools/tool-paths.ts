import type { ToolStatus } from '../../src-shared/api/tools.ts';

export interface ToolChoice {
  /** A full path or a command name looked up on PATH. */
  program: string;
  source: NonNullable<ToolStatus['source']>;
}

/** ffprobe: the Settings path, else the bundled one, else `ffprobe` on PATH (a platform with none bundled). */
export function chooseFfprobe(settingPath: string, bundled: string | null): ToolChoice {
  if (settingPath.trim()) return { program: settingPath.trim(), source: 'setting' };
  if (bundled) return { program: bundled, source: 'bundled' };
  return { program: 'ffprobe', source: 'path' };
}

/** yt-dlp stays the user's own (it must be current): the Settings path, DROPLINE_YTDLP, else PATH. */
export function chooseYtDlp(settingPath: string, envValue: string | null | undefined): ToolChoice {
  if (settingPath.trim()) return { program: settingPath.trim(), source: 'setting' };
  if (envValue?.trim()) return { program: envValue.trim(), source: 'environment' };
  return { program: 'yt-dlp', source: 'path' };
}
