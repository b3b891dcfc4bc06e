// pino-roll ships no types: the part Dropline uses.
declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom';
  import type { SonicBoomOpts } from 'sonic-boom';
  export default function pinoRoll(
    options: SonicBoomOpts & {
      file: string;
      size?: string | number;
      frequency?: string | number;
      extension?: string;
      limit?: { count?: number; removeOtherLogFiles?: boolean };
      symlink?: boolean;
      mkdir?: boolean;
    },
  ): Promise<SonicBoom>;
}
