import { useEffect } from 'react';
import { ToolStatusLine } from '../../components/ToolStatusLine.tsx';
import { useTools } from '../../state/tools-store.ts';

/** Downloads need the user's own, current yt-dlp: say plainly when it is missing or too old. */
export function YtDlpStatus() {
  const { tools, error, load } = useTools();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div data-testid="ytdlp-status">
      {!tools && error ? (
        <p className="error-text" role="alert">
          Could not ask the engine about yt-dlp: {error}
        </p>
      ) : (
        <ToolStatusLine name="yt-dlp" status={tools?.ytdlp ?? null} />
      )}
      {tools && tools.ytdlp.state !== 'ok' && (
        <p className="muted">Its path can be set in Settings → Programs.</p>
      )}
    </div>
  );
}
