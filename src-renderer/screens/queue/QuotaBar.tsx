import { formatTime } from './format.ts';
import { useQueue } from './queue-store.ts';

export function QuotaBar() {
  const quota = useQueue((s) => s.quota);
  if (quota.length === 0) return null;
  return (
    <div className="quota-bar">
      {quota.map((q) => (
        <div key={q.projectId} className="quota-project" data-project-id={q.projectId}>
          <span>Quota {q.projectId}:</span>
          <span>
            {q.used} of {q.limit} units used, {Math.max(0, q.left)} left ({q.uploadsLeft} uploads)
          </span>
          <span>resets {formatTime(q.resetsAt)}</span>
        </div>
      ))}
    </div>
  );
}
