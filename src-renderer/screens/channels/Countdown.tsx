import { useEffect, useState } from 'react';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** "expires in 54:12": the in-memory access token's remaining life, ticking. */
export function Countdown({ until }: { until: string | null }) {
  const now = useNow(1000);
  if (!until) return <span className="muted">no access token in memory</span>;
  const left = Math.max(0, Math.floor((Date.parse(until) - now) / 1000));
  const mm = String(Math.floor(left / 60)).padStart(2, '0');
  const ss = String(left % 60).padStart(2, '0');
  return (
    <span data-testid="token-countdown" title={until}>
      {left === 0 ? 'expired' : `expires in ${mm}:${ss}`}
    </span>
  );
}
