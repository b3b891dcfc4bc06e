/** The plain page the browser lands on: it only ever says to go back to Dropline. */
export function resultPage(ok: boolean, message: string): string {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const title = ok ? 'Sign-in received' : 'Sign-in did not finish';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dropline: ${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}</style>
</head><body><h1>${title}</h1><p>${escaped}</p><p><strong>You can close this tab and return to Dropline.</strong></p></body></html>`;
}
