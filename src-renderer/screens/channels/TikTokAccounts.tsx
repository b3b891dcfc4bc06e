import { Button, Checkbox, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { TikTokAccount, TikTokPrivacy } from '../../../src-shared/domain/tiktok.ts';
import { useTikTok } from '../../state/tiktok-store.ts';

const privacyLabel: Record<TikTokPrivacy, string> = {
  PUBLIC_TO_EVERYONE: 'Everyone',
  MUTUAL_FOLLOW_FRIENDS: 'Friends',
  FOLLOWER_OF_CREATOR: 'Followers',
  SELF_ONLY: 'Only me (private)',
};

/** The TikTok app (client key, secret, audit) and its accounts, on the Channels screen. */
export function TikTokAccounts() {
  const { app, accounts, loaded, error, connecting, message, load, connect } = useTikTok();
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  return (
    <section
      className="panel tiktok-panel"
      aria-labelledby="tiktok-title"
      data-testid="tiktok-panel"
    >
      <h3 id="tiktok-title">TikTok accounts</h3>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {!app || editing ? (
        <TikTokAppForm onDone={() => setEditing(false)} />
      ) : (
        <div className="client-summary" data-testid="tiktok-app-summary">
          TikTok app: <code>{app.clientKey}</code> ({app.audited ? 'audited' : 'not audited yet'}){' '}
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Change
          </button>
        </div>
      )}
      {app && (
        <p>
          <button type="button" onClick={() => void connect()} disabled={connecting !== null}>
            Connect a TikTok account
          </button>{' '}
          {connecting && (
            <span>
              Waiting for TikTok sign-in in your browser…{' '}
              <a href={connecting.authorizationUrl} target="_blank" rel="noreferrer">
                open it here
              </a>
            </span>
          )}
        </p>
      )}
      {message && (
        <p className={message.ok ? 'muted' : 'error-text'} role="status">
          {message.text}
        </p>
      )}
      <ul className="channel-list" aria-label="TikTok accounts">
        {accounts.map((a) => (
          <TikTokAccountCard key={a.openId} account={a} />
        ))}
      </ul>
    </section>
  );
}

function TikTokAccountCard({ account }: { account: TikTokAccount }) {
  const disconnect = useTikTok((s) => s.disconnect);
  return (
    <li
      className={`channel-card status-${account.status}`}
      data-testid="tiktok-account"
      data-open-id={account.openId}
    >
      {account.avatarUrl ? (
        <img
          className="avatar"
          src={account.avatarUrl}
          alt=""
          width={48}
          height={48}
          referrerPolicy="no-referrer"
        />
      ) : (
        <div className="avatar avatar-empty" aria-hidden="true">
          {account.nickname.slice(0, 1)}
        </div>
      )}
      <div className="channel-main">
        <div className="channel-title">
          <strong>{account.nickname}</strong> <span className="muted">@{account.username}</span>
        </div>
        <div className="channel-meta">
          <span className={`status-pill status-${account.status}`} data-testid="tiktok-status">
            {account.status === 'needs_reconsent' ? 'Needs you: connect again' : account.status}
          </span>
          <span data-testid="tiktok-privacy-options">
            May post: {account.privacyOptions.map((p) => privacyLabel[p]).join(', ') || 'nothing'}
          </span>
          {account.maxVideoPostDurationSec !== null && (
            <span className="muted">videos up to {account.maxVideoPostDurationSec} s</span>
          )}
        </div>
        {account.postingNote && (
          <p className="muted" data-testid="tiktok-posting-note">
            {account.postingNote}
          </p>
        )}
        {account.lastError && <p className="error-text">{account.lastError}</p>}
      </div>
      {account.status !== 'disconnected' && (
        <button
          type="button"
          className="link-button"
          onClick={() => void disconnect(account.openId)}
        >
          Disconnect
        </button>
      )}
    </li>
  );
}

function TikTokAppForm({ onDone }: { onDone(): void }) {
  const { app, setApp } = useTikTok();
  const [clientKey, setClientKey] = useState(app?.clientKey ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [audited, setAudited] = useState(app?.audited ?? false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Refused where it was typed: the engine checks again.
    if (!/^[A-Za-z0-9_-]{4,64}$/.test(clientKey.trim()))
      return setProblem(
        'The client key is 4-64 letters, digits, "-" or "_" (App details in TikTok for Developers).',
      );
    if (!app && !clientSecret.trim()) return setProblem('Give the client secret too.');
    setProblem(null);
    const ok = await setApp({
      clientKey: clientKey.trim(),
      ...(clientSecret.trim() ? { clientSecret: clientSecret.trim() } : {}),
      audited,
    });
    if (ok) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="TikTok app">
      <p>
        Dropline posts with your own TikTok app (Login Kit and Content Posting API, redirect URI{' '}
        <code>http://127.0.0.1:*/</code>).
      </p>
      {/* Mantine fields, one per line: a row of bare inputs wrapped badly at 800 px. */}
      <Stack gap="xs" maw={520}>
        <Group grow align="flex-start">
          <TextInput
            label="Client key"
            name="clientKey"
            value={clientKey}
            onChange={(e) => setClientKey(e.currentTarget.value)}
          />
          <PasswordInput
            label="Client secret"
            name="clientSecret"
            value={clientSecret}
            onChange={(e) => setClientSecret(e.currentTarget.value)}
            autoComplete="off"
          />
        </Group>
        <Checkbox
          checked={audited}
          onChange={(e) => setAudited(e.currentTarget.checked)}
          label="TikTok has audited this app (otherwise TikTok allows private posts only)"
        />
        <Group>
          <Button type="submit">Save</Button>
        </Group>
      </Stack>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
