import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** The headers every answer carries, refusals included. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** A plain-text refusal with the security headers; a no-op once an answer has started. */
export function refuse(
  res: ServerResponse,
  headers: Record<string, string>,
  status: number,
  text: string,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(`${text}\n`);
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** A refusal written straight to a raw socket (upgrades, parse errors), then the socket ends. */
export function refuseRaw(socket: Duplex, headers: Record<string, string>, status: number): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n${lines.join('')}Cache-Control: no-store\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}
