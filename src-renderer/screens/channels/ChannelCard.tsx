import { useState } from 'react';
import type { Channel, ChannelStatus } from '../../../src-shared/domain/channel.ts';
import { assertNever } from '../../../src-shared/domain/assert-never.ts';
import { useChannels } from '../../state/channels-store.ts';
import { ChannelAvatar } from './ChannelAvatar.tsx';
import { Countdown } from './Countdown.tsx';
import { GrantExpiry } from './GrantExpiry.tsx';

function statusLabel(status: ChannelStatus): string {
  switch (status) {
    case 'connected':
      return 'Connected';
    case 'refreshing':
      return 'Refreshing access…';
    case 'needs_reconsent':
      return 'Needs you: reconnect';
    case 'disconnected':
      return 'Disconnected';
    case 'locked':
      return 'Locked: unlock the vault';
    default:
      return assertNever(status);
  }
}

const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : 'never');

export function ChannelCard({ channel }: { channel: Channel }) {
  const { connect, disconnect, loadAudit, audit, connecting } = useChannels();
  const [confirming, setConfirming] = useState(false);
  const [showAudit, setShowAudit] = useState(false);
  const entries = audit[channel.id];
  const canReconnect = channel.status === 'needs_reconsent' || channel.status === 'disconnected';

  return (
    <li
      className={`channel-card status-${channel.status}`}
      data-testid="channel-card"
      data-channel-id={channel.id}
    >
      <ChannelAvatar channel={channel} />
      <div className="channel-main">
        <div className="channel-title">
          <strong>{channel.title}</strong>{' '}
          {channel.handle && <span className="muted">{channel.handle}</span>}
        </div>
        <div className="channel-meta">
          <span className={`status-pill status-${channel.status}`} data-testid="channel-status">
            {statusLabel(channel.status)}
          </span>
          {channel.status !== 'disconnected' && <Countdown until={channel.accessTokenExpiresAt} />}
          <span className="muted">
            last refresh: {when(channel.lastRefreshAt)}
            {channel.lastRefreshOutcome === 'failed' && ' (failed)'}
          </span>
          {channel.customThumbnails === false && (
            <span className="muted">custom thumbnails not allowed</span>
          )}
          {channel.googleAccount && <span className="muted">{channel.googleAccount}</span>}
          {channel.lastCheckAt && (
            <span className="muted" data-testid="last-check">
              sign-in checked {when(channel.lastCheckAt)}: {channel.lastCheckOutcome}
            </span>
          )}
        </div>
        <GrantExpiry channel={channel} />
        {showAudit && (
          <ol className="audit-list" data-testid="audit-list">
            {(entries ?? []).map((e) => (
              <li key={e.id}>
                {new Date(e.at).toLocaleString()}: {e.action} {e.outcome}
                {e.detail && <span className="muted"> ({e.detail})</span>}
              </li>
            ))}
            {entries?.length === 0 && <li className="muted">Nothing recorded yet.</li>}
          </ol>
        )}
      </div>
      <div className="channel-actions">
        {canReconnect && (
          <button
            type="button"
            disabled={connecting !== null}
            onClick={() => void connect(channel.googleAccount ?? undefined)}
          >
            Reconnect
          </button>
        )}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setShowAudit(!showAudit);
            if (!showAudit) void loadAudit(channel.id);
          }}
        >
          {showAudit ? 'Hide history' : 'History'}
        </button>
        {channel.status !== 'disconnected' &&
          (confirming ? (
            <span className="confirm" role="group" aria-label="Confirm disconnect">
              Revoke Dropline's access to “{channel.title}” and delete its tokens?{' '}
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setConfirming(false);
                  void disconnect(channel.id);
                }}
              >
                Yes, disconnect
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Disconnect
            </button>
          ))}
      </div>
    </li>
  );
}
