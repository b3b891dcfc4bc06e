import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const ServiceInfoSchema = z.object({
  url: z.string().url(),
  token: z.string().min(16),
  pid: z.number().int().positive(),
});
export type ServiceInfo = z.infer<typeof ServiceInfoSchema>;

export function serviceFilePath(dataDir: string): string {
  return join(dataDir, 'service.json');
}

/** Written atomically with mode 0600: it holds the bearer token for local clients. */
export function writeServiceFile(dataDir: string, info: ServiceInfo): void {
  const file = serviceFilePath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export function readServiceFile(dataDir: string): ServiceInfo | null {
  try {
    const parsed = ServiceInfoSchema.safeParse(
      JSON.parse(readFileSync(serviceFilePath(dataDir), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function removeServiceFile(dataDir: string, pid: number): void {
  const current = readServiceFile(dataDir);
  if (current === null || current.pid === pid) rmSync(serviceFilePath(dataDir), { force: true });
}
