import { NativeSelect, TextInput } from '@mantine/core';
import type { PreviewEntry } from '../../../src-shared/watch/drop-preview.ts';
import { charLength, metadataLimits } from '../../../src-shared/domain/metadata-limits.ts';
import { FieldCounter } from '../upload/FieldCounter.tsx';
import { fitText } from '../upload/ThumbnailPreview.tsx';
import { titleProblem } from '../upload/upload-draft.ts';
import { useUploadCheck } from '../upload/use-upload-check.ts';
import { useDrop } from './drop-store.ts';

/** Where the engine will read a row's thumbnail: its own path, or beside the found video. */
function thumbnailPath(entry: PreviewEntry): string | null {
  if (!entry.thumbnail) return null;
  if (entry.thumbnail.path) return entry.thumbnail.path;
  if (!entry.video.path) return null;
  return entry.video.path.replace(/[^\\/]*$/, '') + entry.thumbnail.name;
}

/** What fitting the paired image to YouTube's 2 MB will do, as the Add upload form says it. */
function ThumbnailFit({ path }: { path: string }) {
  const check = useUploadCheck([], path).thumbnail;
  if (!check) return null;
  return (
    <p className={check.problem ? 'error-text' : 'muted'} data-testid="thumbnail-fit">
      {check.problem ?? fitText(check)}
    </p>
  );
}

/** One row per dropped video: its thumbnail, where the engine found it, its own title. */
export function DropRows() {
  const s = useDrop();
  const entries = s.entries ?? [];
  const done = s.results !== null;
  return (
    <table className="drop-table">
      <thead>
        <tr>
          <th>Thumbnail</th>
          <th>Video</th>
          <th>Title</th>
          {done && <th>Result</th>}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => {
          const choices = [entry.thumbnail, ...entry.candidates].filter((f) => f !== null);
          const result = s.results?.[index];
          const thumbPath = done ? null : thumbnailPath(entry);
          const located = s.located[entry.video.key];
          return (
            <tr key={entry.video.key} data-testid="drop-row">
              <td>
                {entry.thumbnail && s.imageUrls[entry.thumbnail.key] ? (
                  <img
                    className="thumb"
                    src={s.imageUrls[entry.thumbnail.key]}
                    alt={`Thumbnail ${entry.thumbnail.name}`}
                  />
                ) : (
                  <span className="muted">No thumbnail</span>
                )}
                {choices.length > 0 && !done && (
                  <NativeSelect
                    aria-label={`Thumbnail for ${entry.video.name}`}
                    value={entry.problem ? '' : (entry.thumbnail?.key ?? '-')}
                    onChange={(e) =>
                      s.setThumbnail(
                        index,
                        e.currentTarget.value === '-' ? null : e.currentTarget.value,
                      )
                    }
                    data={[
                      ...(entry.problem ? [{ value: '', label: 'Choose…' }] : []),
                      ...choices.map((c) => ({ value: c.key, label: c.name })),
                      { value: '-', label: 'No thumbnail' },
                    ]}
                  />
                )}
                {entry.problem && <p className="error-text">{entry.problem}</p>}
                {thumbPath && <ThumbnailFit path={thumbPath} />}
              </td>
              <td>
                {entry.video.name}
                {located && (
                  <p className="muted" data-testid="drop-found">
                    Found at {located.path}
                    {located.place === 'last_used' && ' (last used folder)'}
                  </p>
                )}
                {located === null && (
                  <p className="error-text" data-testid="drop-not-found">
                    A browser cannot hand Dropline this file, and it is in no watched folder nor the
                    last-used one. Use Choose videos… in Add upload, put it in a watched folder, or
                    use the desktop app.
                  </p>
                )}
              </td>
              <td>
                <TextInput
                  aria-label={`Title for ${entry.video.name}`}
                  value={entry.title}
                  disabled={done}
                  onChange={(e) => s.setTitle(index, e.currentTarget.value)}
                  error={done ? undefined : titleProblem(entry.title)}
                  description={
                    <FieldCounter
                      count={{
                        used: charLength(entry.title),
                        limit: metadataLimits.titleChars,
                        unit: 'characters',
                      }}
                    />
                  }
                  inputWrapperOrder={['input', 'description', 'error']}
                />
              </td>
              {done && (
                <td data-testid="drop-result">
                  {result?.error
                    ? result.error
                    : `Queued ${result?.jobIds.length ?? 0}` +
                      (result?.alreadyQueued.length
                        ? `, already queued on ${result.alreadyQueued.join(', ')}`
                        : '')}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
