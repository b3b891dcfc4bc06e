import { EmptyState } from '../../components/EmptyState.tsx';

export function QueueScreen() {
  return (
    <EmptyState title="Queue">
      <p>Uploads appear here grouped by channel, with progress, speed and time left.</p>
      <p>
        They resume where they stopped after a dropped connection or a restart, and stay within your
        daily quota.
      </p>
    </EmptyState>
  );
}
