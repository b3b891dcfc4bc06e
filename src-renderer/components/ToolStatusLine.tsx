import type { ToolStatus } from '../../src-shared/api/tools.ts';

/** One external program's state in a sentence: plainly an alert when it is missing or too old. */
export function ToolStatusLine({ name, status }: { name: string; status: ToolStatus | null }) {
  if (!status) return <p className="muted">Looking for {name}…</p>;
  if (status.state === 'ok')
    return (
      <p data-testid={`tool-${name}`} data-state="ok">
        {name} {status.version ?? ''} at <code>{status.path}</code>
        {status.source === 'bundled' ? ' (shipped with Dropline)' : ''}
      </p>
    );
  return (
    <p className="error-text" role="alert" data-testid={`tool-${name}`} data-state={status.state}>
      {status.message}
    </p>
  );
}
