import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatBytes } from './format.ts';
import { useHistory } from './history-store.ts';
import { VideoLinks } from './VideoLinks.tsx';

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
        <Stack gap="xs" mt="xs">
          <TextInput
            label="Search by title or file"
            name="history-search"
            value={search}
            maxLength={200}
            onChange={(e) => void load(e.currentTarget.value)}
          />
          {entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {search.trim() ? 'No finished upload matches.' : 'No finished uploads yet.'}
            </Text>
          ) : (
            <Table striped data-testid="history-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Finished</Table.Th>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>File</Table.Th>
                  <Table.Th>Video</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((h) => (
                  <Table.Tr key={h.jobId} data-testid="history-row" data-job-id={h.jobId}>
                    <Table.Td>{new Date(h.finishedAt).toLocaleString()}</Table.Td>
                    <Table.Td>{h.title}</Table.Td>
                    <Table.Td>{h.channelTitle ?? h.channelId}</Table.Td>
                    <Table.Td title={h.file}>
                      {h.file.split(/[\\/]/).pop()} ({formatBytes(h.bytes)})
                    </Table.Td>
                    <Table.Td>
                      <VideoLinks videoId={h.videoId} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Paper>
  );
}
