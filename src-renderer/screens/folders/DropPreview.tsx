import { Modal } from '@mantine/core';
import { ChannelPicker } from '../../components/ChannelPicker.tsx';
import { useDrop } from './drop-store.ts';

export function DropPreview() {
  const s = useDrop();
  if (!s.entries) return null;
  const done = s.results !== null;
  // Mantine's Modal: focus kept inside, Escape closes, focus goes back where it was.
  return (
    <Modal
      opened
      onClose={s.close}
      size="xl"
      withCloseButton={false}
      closeOnClickOutside={false}
      title={`Queue ${s.entries.length === 1 ? 'this video' : `${s.entries.length} videos`}`}
    >
      <section aria-label="Drop preview" data-testid="drop-preview">
        {s.entries.length === 0 && <p>No videos in this drop.</p>}
        <table className="drop-table">
          <thead>
            <tr>
              <th>Thumbnail</th>
              <th>Video</th>
              <th>Title</th>
              {done && <th>Result</th>}
            </tr>
          </thead>
          <tbody>
            {s.entries.map((entry, index) => {
              const choices = [entry.thumbnail, ...entry.candidates].filter((f) => f !== null);
              const result = s.results?.[index];
              return (
                <tr key={entry.video.key} data-testid="drop-row">
                  <td>
                    {entry.thumbnail && s.imageUrls[entry.thumbnail.key] ? (
                      <img
                        className="thumb"
                        src={s.imageUrls[entry.thumbnail.key]}
                        alt={`Thumbnail ${entry.thumbnail.name}`}
                      />
                    ) : (
                      <span className="muted">No thumbnail</span>
                    )}
                    {choices.length > 0 && !done && (
                      <select
                        aria-label={`Thumbnail for ${entry.video.name}`}
                        value={entry.problem ? '' : (entry.thumbnail?.key ?? '-')}
                        onChange={(e) =>
                          s.setThumbnail(index, e.target.value === '-' ? null : e.target.value)
                        }
                      >
                        {entry.problem && <option value="">Choose…</option>}
                        {choices.map((c) => (
                          <option key={c.key} value={c.key}>
                            {c.name}
                          </option>
                        ))}
                        <option value="-">No thumbnail</option>
                      </select>
                    )}
                    {entry.problem && <p className="error-text">{entry.problem}</p>}
                  </td>
                  <td>
                    {entry.video.name}
                    {s.located[entry.video.key] && (
                      <p className="muted" data-testid="drop-found">
                        Found at {s.located[entry.video.key]}
                      </p>
                    )}
                    {s.located[entry.video.key] === null && (
                      <p className="error-text" data-testid="drop-not-found">
                        A browser cannot hand Dropline this file, and it is in no watched folder.
                        Use Choose videos… in Add upload, put it in a watched folder, or use the
                        desktop app.
                      </p>
                    )}
                  </td>
                  <td>
                    <input
                      aria-label={`Title for ${entry.video.name}`}
                      value={entry.title}
                      maxLength={100}
                      disabled={done}
                      onChange={(e) => s.setTitle(index, e.target.value)}
                    />
                  </td>
                  {done && (
                    <td data-testid="drop-result">
                      {result?.error
                        ? result.error
                        : `Queued ${result?.jobIds.length ?? 0}` +
                          (result?.alreadyQueued.length
                            ? `, already queued on ${result.alreadyQueued.join(', ')}`
                            : '')}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        {s.ignored.length > 0 && <p className="muted">Not used: {s.ignored.join(', ')}</p>}
        {!done && <ChannelPicker picked={s.channelIds} onToggle={s.setChannel} />}
        {s.error && (
          <p className="error-text" role="alert">
            {s.error}
          </p>
        )}
        <div className="actions">
          {!done && (
            <button
              type="button"
              disabled={s.busy || s.entries.length === 0}
              onClick={() => void s.confirm()}
            >
              Queue
            </button>
          )}
          <button type="button" onClick={s.close}>
            {done ? 'Close' : 'Cancel'}
          </button>
        </div>
      </section>
    </Modal>
  );
}
