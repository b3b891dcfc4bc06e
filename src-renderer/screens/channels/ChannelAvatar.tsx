import { useEffect, useState } from 'react';
import type { Channel } from '../../../src-shared/domain/channel.ts';
import { api } from '../../api/client.ts';

/**
 * The channel's picture, fetched and cached by the engine (`channels.avatar`) as a data: URL:
 * Google's picture URLs can be refused by the page or go stale, a data: URL cannot. The
 * channel's first letter stands in while it loads, and when there is none.
 */
export function ChannelAvatar({ channel }: { channel: Pick<Channel, 'id' | 'title'> }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .invoke('channels.avatar', { channelId: channel.id })
      .then((answer) => {
        if (live) setSrc(answer.dataUrl);
      })
      // No picture is no error worth a message: the letter stays.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [channel.id]);
  if (src === null)
    return (
      <div className="avatar avatar-empty" aria-hidden="true">
        {channel.title.slice(0, 1)}
      </div>
    );
  return <img className="avatar" src={src} alt="" width={48} height={48} />;
}
