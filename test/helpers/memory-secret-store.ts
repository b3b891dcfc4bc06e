import type { SecretRef, SecretStore } from '../../src-main/vault/secret-store.ts';

/** A SecretStore for tests that do not exercise the vault itself. */
export class MemorySecretStore implements SecretStore {
  readonly map = new Map<string, Buffer>();

  put(ref: SecretRef, value: Buffer): void {
    this.map.set(`${ref.kind}:${ref.id}`, Buffer.from(value));
  }

  get(ref: SecretRef): Buffer | null {
    return this.map.get(`${ref.kind}:${ref.id}`) ?? null;
  }

  delete(ref: SecretRef): void {
    this.map.delete(`${ref.kind}:${ref.id}`);
  }
}
