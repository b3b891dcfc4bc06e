import { formatTime, projectLabel } from './format.ts';
import { useQueue } from './queue-store.ts';

export function QuotaBar() {
  const quota = useQueue((s) => s.quota);
  if (quota.length === 0) return null;
  return (
    <div className="quota-bar">
      {quota.map((q) => (
        <div key={q.projectId} className="quota-project" data-project-id={q.projectId}>
          <span className="quota-name" title={q.projectId}>
            Quota, {projectLabel(q.projectId)}:
          </span>
          <meter min={0} max={q.limit} value={Math.min(q.used, q.limit)} aria-label="quota used" />
          <span data-testid="quota-used">
            {q.uploadsToday} {q.uploadsToday === 1 ? 'upload' : 'uploads'} started today; {q.used}{' '}
            of {q.limit} units used
            {q.uploadsLeft === null
              ? ' (Google decides how many more)'
              : `, ${Math.max(0, q.left)} left (${q.uploadsLeft} uploads)`}
          </span>
          {q.refusedAt && (
            <span className="error-text" data-testid="quota-refused">
              Google refused at {formatTime(q.refusedAt)}, after {q.refusedAtCount} uploads: nothing
              is sent until the reset
            </span>
          )}
          <span>resets {formatTime(q.resetsAt)}</span>
        </div>
      ))}
    </div>
  );
}
