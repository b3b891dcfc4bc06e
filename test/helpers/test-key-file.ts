import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyProvider } from '../../src-main/vault/key-provider.ts';
import { keyFileProvider } from '../../src-main/vault/key-file-provider.ts';

/**
 * A real key-file provider for engines under test (`<dir>/test-master.key`,
 * made once, kept across restarts of the same folder): upload sessions are
 * kept in the vault, so an engine that uploads needs one that opens.
 */
export function testKeyProviders(dir: string): () => KeyProvider[] {
  const file = join(dir, 'test-master.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600 });
  return () => [keyFileProvider(file)];
}
