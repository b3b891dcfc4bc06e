import { useEffect, useState, type FormEvent } from 'react';
import { useConnection } from '../state/connection-store.ts';
import { useNavigation } from '../state/navigation-store.ts';
import { useVault } from '../state/vault-store.ts';
import './vault.css';

/** Shown while the vault is locked: uploads and sign-ins wait until it is opened. */
export function VaultBanner() {
  const { status, error, busy, load, unlock } = useVault();
  const link = useConnection((s) => s.link);
  const go = useNavigation((s) => s.go);
  // Held only until submitted; never shown back.
  const [passphrase, setPassphrase] = useState('');
  useEffect(() => {
    if (!status && link === 'open') void load();
  }, [status, link, load]);

  if (status?.state === 'not_created' && status.message) {
    // No keychain can hold the key (Linux basic_text, a server without Secret Service).
    return (
      <div className="banner banner-warning" role="status" data-testid="vault-banner">
        Dropline has no safe place for the key that protects your secrets.{' '}
        <button type="button" className="link-button" onClick={() => go('settings')}>
          Set a passphrase in Settings → Security
        </button>
      </div>
    );
  }
  if (status?.state !== 'locked') return null;
  if (!status.needsPassphrase) {
    return (
      <div className="banner banner-error" role="alert" data-testid="vault-banner">
        Dropline cannot open its secrets vault. {status.message}
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = passphrase;
    setPassphrase('');
    if (typed) void unlock(typed);
  };
  return (
    <div className="banner banner-warning" role="alert" data-testid="vault-banner">
      <form className="vault-unlock" onSubmit={submit} aria-label="Unlock the vault">
        <span>
          Your secrets are locked. Enter your vault passphrase so uploads and sign-ins can go on.
        </span>
        <input
          type="password"
          name="vaultUnlockPassphrase"
          aria-label="Vault passphrase"
          autoComplete="current-password"
          value={passphrase}
          disabled={busy}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <button type="submit" disabled={busy || !passphrase}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
      {error && (
        <p className="error-text" data-testid="vault-unlock-error">
          {error}
        </p>
      )}
    </div>
  );
}
