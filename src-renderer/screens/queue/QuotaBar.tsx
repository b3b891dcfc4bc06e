import { formatTime, projectLabel, quotaLevel } from './format.ts';
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
          {/* low/high/optimum: the browser draws the meter green, then amber past 70 %, red past 90 %. */}
          <meter
            min={0}
            max={q.limit}
            low={q.limit * 0.7}
            high={q.limit * 0.9}
            optimum={0}
            value={Math.min(q.used, q.limit)}
            aria-label="quota used"
            data-level={quotaLevel(q.used, q.limit)}
          />
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
