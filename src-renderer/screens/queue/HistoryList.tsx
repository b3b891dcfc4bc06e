import { Stack, Table, Text, TextInput } from '@mantine/core';
import type { HistoryEntry } from '../../../src-shared/domain/history.ts';
import { formatBytes } from './format.ts';
import { VideoLinks } from './VideoLinks.tsx';

/** The shown history: a search field and the finished uploads that match it. */
export function HistoryList({
  entries,
  search,
  load,
}: {
  entries: HistoryEntry[];
  search: string;
  load: (search?: string) => Promise<void>;
}) {
  return (
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
  );
}
