/**
 * The renderer's Content-Security-Policy, shared by both shells: only our own
 * scripts and styles, no eval, no framing, connections only back to us.
 */
export function contentSecurityPolicy(opts: { connectSrc: string[]; imgSrc?: string[] }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: https://yt3.ggpht.com https://*.googleusercontent.com https://*.tiktokcdn.com https://*.tiktokcdn-us.com ${(opts.imgSrc ?? []).join(' ')}`.trim(),
    `connect-src 'self' ${opts.connectSrc.join(' ')}`.trim(),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
