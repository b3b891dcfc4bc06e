import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useHistory } from './history-store.ts';

// The list (Mantine's Table, which brings ScrollArea) loads when the history is first shown.
const HistoryList = lazy(() =>
  import('./HistoryList.tsx').then((m) => ({ default: m.HistoryList })),
);

/**
 * The History view of the Queue screen: every finished upload with its
 * links, searchable by title or file. Clearing done jobs from the queue keeps
 * them here (and in `dropline history`).
 */
export function HistoryView() {
  const [open, setOpen] = useState(false);
  const { entries, search, error, cleared, load, clearDone } = useHistory();
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="history-title"
      className="history-view"
    >
      <Group justify="space-between">
        <Title order={3} id="history-title" size="h4">
          History
        </Title>
        <Group gap="xs">
          <Button variant="default" size="compact-sm" onClick={() => void clearDone()}>
            Clear done jobs
          </Button>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
          >
            {open ? 'Hide history' : 'Show history'}
          </Button>
        </Group>
      </Group>
      {cleared !== null && (
        <Text size="sm" role="status" data-testid="history-cleared">
          {cleared
            ? `Cleared ${cleared} done job${cleared === 1 ? '' : 's'} from the queue; the history keeps them.`
            : 'No done jobs to clear.'}
        </Text>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {open && (
        <Suspense fallback={null}>
          <HistoryList entries={entries} search={search} load={load} />
        </Suspense>
      )}
    </Paper>
  );
}
