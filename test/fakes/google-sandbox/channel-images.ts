import type { SandboxContext } from './context.ts';
import { discardBody, type Exchange } from './http-io.ts';

const sizes: Record<string, number> = { default: 88, mqdefault: 240, hqdefault: 800 };

/**
 * GET /ch/<channelId>/<size>.jpg: a channel's picture, as the
 * `snippet.thumbnails` URLs of channels.list point at (on Google, a public
 * yt3.ggpht.com URL: no Authorization, an image/jpeg body). Each channel gets
 * its own colour so a test can tell two pictures apart.
 */
export async function handleChannelImage(ctx: SandboxContext, ex: Exchange): Promise<void> {
  discardBody(ex.req);
  const match = /^\/ch\/([^/]+)\/(default|mqdefault|hqdefault)\.jpg$/.exec(ex.url.pathname);
  const channel = match ? ctx.world.channel(decodeURIComponent(match[1] as string)) : undefined;
  if (!match || !channel) {
    ex.res.writeHead(404, { 'Content-Type': 'text/plain' });
    ex.res.end('Not Found');
    return;
  }
  let hue = 0;
  for (const ch of channel.seed.id) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  const side = sizes[match[2] as string] as number;
  const { default: sharp } = await import('sharp');
  const body = await sharp({
    create: { width: side, height: side, channels: 3, background: `hsl(${hue}, 55%, 45%)` },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
  ex.res.writeHead(200, {
    'Content-Type': 'image/jpeg',
    'Content-Length': String(body.length),
    'Cache-Control': 'public, max-age=86400',
  });
  ex.res.end(body);
}
