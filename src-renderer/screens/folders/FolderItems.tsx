import type { WatchItem } from '../../../src-shared/domain/watched-folder.ts';
import { useFolders } from './folders-store.ts';
import { WatchItemStatus } from './WatchItemStatus.tsx';

function ItemRow({ item }: { item: WatchItem }) {
  const { chooseThumbnail, retry, uploadAgain } = useFolders();
  return (
    <li className={`watch-item watch-item-${item.state}`} data-testid="watch-item">
      <span className="watch-item-path">{item.path}</span>
      <WatchItemStatus item={item} />
      {item.title && <span className="muted"> “{item.title}”</span>}
      {item.problem && <p className="error-text">{item.problem.message}</p>}
      {item.problem?.code === 'ambiguous_thumbnail' && (
        <div className="actions">
          {item.problem.candidates.map((c) => (
            <button key={c} type="button" onClick={() => void chooseThumbnail(item, c)}>
              Use {c}
            </button>
          ))}
          <button type="button" onClick={() => void chooseThumbnail(item, null)}>
            No thumbnail
          </button>
        </div>
      )}
      {item.state === 'waiting' && item.problem?.code !== 'ambiguous_thumbnail' && (
        <button type="button" onClick={() => void retry(item)}>
          Check again
        </button>
      )}
      {(item.state === 'queued' || item.state === 'skipped') && (
        <button type="button" onClick={() => void uploadAgain(item)}>
          Upload again
        </button>
      )}
    </li>
  );
}

export function FolderItems({ folderId }: { folderId: string }) {
  const items = useFolders((s) => s.items[folderId]);
  if (!items) return <p className="muted">Loading…</p>;
  if (items.length === 0) return <p className="muted">No videos yet.</p>;
  return (
    <ul className="watch-items">
      {items.map((item) => (
        <ItemRow key={item.id} item={item} />
      ))}
    </ul>
  );
}
