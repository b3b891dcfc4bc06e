import { useEffect, useState, type FormEvent } from 'react';
import type { VaultProtection, VaultStatus } from '../../../src-shared/api/vault.ts';
import { assertNever } from '../../../src-shared/domain/assert-never.ts';
import { useVault } from '../../state/vault-store.ts';
import '../../components/vault.css';

function stateText(status: VaultStatus): string {
  switch (status.state) {
    case 'unlocked':
      return 'Unlocked: Dropline can use your stored secrets.';
    case 'locked':
      return status.needsPassphrase
        ? 'Locked: enter your passphrase in the banner at the top of the window.'
        : 'Locked: no key that this Dropline can use opens it.';
    case 'not_created':
      return 'Nothing stored yet: the key is made when you set the OAuth client or connect a channel.';
    default:
      return assertNever(status.state);
  }
}

function ProtectionRow({ p }: { p: VaultProtection }) {
  return (
    <li data-testid="vault-protection" data-kind={p.kind} data-available={String(p.available)}>
      <strong>{p.label}</strong>
      {': '}
      {p.holdsKey ? 'keeps a copy of the key' : 'keeps no copy of the key'}
      {p.since && ` (since ${new Date(p.since).toLocaleDateString()})`}
      {p.available ? '.' : <span className="error-text"> — not usable now. {p.problem}</span>}
    </li>
  );
}

/** Where the vault key is kept, and the passphrase that can open it when the keychain cannot. */
export function SecuritySettings() {
  const { status, error, busy, done, load, setPassphrase, removePassphrase } = useVault();
  // The fields live only in this component and are emptied as soon as they are submitted.
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  // Fresh on every visit: the vault is created on first use, which announces nothing.
  useEffect(() => {
    void load();
  }, [load]);

  if (!status) return null;
  const min = status.minPassphraseLength;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const passphrase = first;
    const again = second;
    setFirst('');
    setSecond('');
    if (passphrase !== again) return setProblem('The two passphrases differ. Type them again.');
    if ([...passphrase].length < min)
      return setProblem(`The passphrase needs at least ${min} characters.`);
    setProblem(null);
    void setPassphrase(passphrase);
  };

  const locked = status.state === 'locked';
  return (
    <div className="form" role="group" aria-labelledby="security-heading">
      <h3 id="security-heading">Security</h3>
      <p className="muted">
        Your channels’ sign-ins, the OAuth client secret and cookie files are stored encrypted. The
        key that opens them is kept by:
      </p>
      <p data-testid="vault-state" data-state={status.state}>
        {stateText(status)}
      </p>
      {status.message && status.state !== 'unlocked' && (
        <p className="muted" data-testid="vault-message">
          {status.message}
        </p>
      )}
      <ul className="vault-protections">
        {status.protections.map((p) => (
          <ProtectionRow key={p.kind} p={p} />
        ))}
        {status.protections.length === 0 && <li>No key provider is set up.</li>}
      </ul>
      <form className="form" data-testid="passphrase-form" onSubmit={submit}>
        <p className="muted">
          {status.hasPassphrase
            ? 'A passphrase also opens the vault. Change it here; the old one stops working.'
            : `A passphrase opens the vault when your system keychain cannot (a Linux desktop without a keyring, a server). Use at least ${min} characters; a few unrelated words work well. Dropline cannot recover a forgotten passphrase.`}
        </p>
        <label>
          {status.hasPassphrase ? 'New passphrase' : 'Passphrase'}
          <input
            type="password"
            name="vaultPassphrase"
            autoComplete="new-password"
            value={first}
            disabled={locked || busy}
            onChange={(e) => setFirst(e.target.value)}
          />
        </label>
        <label>
          The same passphrase again
          <input
            type="password"
            name="vaultPassphraseAgain"
            autoComplete="new-password"
            value={second}
            disabled={locked || busy}
            onChange={(e) => setSecond(e.target.value)}
          />
        </label>
        <button type="submit" disabled={locked || busy || !first || !second}>
          {status.hasPassphrase ? 'Change passphrase' : 'Set passphrase'}
        </button>
      </form>
      {status.hasPassphrase &&
        (confirmRemove ? (
          <div role="group" aria-label="Confirm passphrase removal">
            <p>Remove the passphrase? Only the key providers above will open the vault.</p>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setConfirmRemove(false);
                void removePassphrase();
              }}
            >
              Yes, remove it
            </button>{' '}
            <button type="button" onClick={() => setConfirmRemove(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <button type="button" disabled={locked || busy} onClick={() => setConfirmRemove(true)}>
            Remove passphrase
          </button>
        ))}
      {busy && <p className="muted">Working…</p>}
      {(problem ?? error) && (
        <p className="error-text" role="alert" data-testid="passphrase-error">
          {problem ?? error}
        </p>
      )}
      {done && !problem && !error && (
        <p role="status" data-testid="passphrase-done">
          {done}
        </p>
      )}
    </div>
  );
}
