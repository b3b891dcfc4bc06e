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
          <span>
            {q.used} of {q.limit} units used, {Math.max(0, q.left)} left ({q.uploadsLeft} uploads)
          </span>
          <span>resets {formatTime(q.resetsAt)}</span>
        </div>
      ))}
    </div>
  );
}
