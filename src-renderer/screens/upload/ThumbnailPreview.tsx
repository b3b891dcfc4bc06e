import type { ThumbnailCheck } from '../../../src-shared/api/job-edits.ts';
import { formatBytes } from '../../components/format.ts';

/** What fitting to YouTube's 2 MB and 1280×720 does to this image, in words. */
export function fitText(t: ThumbnailCheck): string {
  if (!t.fit || t.bytes === null) return '';
  const was = `${formatBytes(t.bytes)}, ${t.width}×${t.height}`;
  if (!t.fit.resized) return `Sent as it is: ${was} (under 2 MB).`;
  return `Over YouTube's 2 MB, so Dropline re-encodes it: ${was} becomes ${formatBytes(t.fit.bytes)}, ${t.fit.width}×${t.fit.height}.`;
}

/** The thumbnail as the engine reads it: a preview, its size, and what fitting will do. */
export function ThumbnailPreview({ check }: { check: ThumbnailCheck }) {
  const name = check.path.split(/[\\/]/).pop() ?? check.path;
  return (
    <div className="thumbnail-preview" data-testid="thumbnail-preview">
      {check.previewUrl && (
        <img src={check.previewUrl} alt={`Thumbnail ${name}`} width={160} height={90} />
      )}
      <p className={check.problem ? 'error-text' : 'muted'} data-testid="thumbnail-fit">
        {check.problem ?? fitText(check)}
      </p>
    </div>
  );
}
