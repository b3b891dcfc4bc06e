import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { UploadCheck } from './upload-check.ts';

/**
 * Asks the engine about the videos and the thumbnail as they are typed
 * (exists, is a video, its size; what fitting the thumbnail to 2 MB does),
 * so a mistake shows at the field before anything is queued.
 */
export function useUploadCheck(files: readonly string[], thumbnail: string): UploadCheck {
  const key = JSON.stringify([files, thumbnail.trim()]);
  const [debounced] = useDebouncedValue(key, 250);
  const [answer, setAnswer] = useState<{ key: string; check: UploadCheck } | null>(null);
  useEffect(() => {
    const [paths, thumb] = JSON.parse(debounced) as [string[], string];
    if (paths.length === 0 && thumb === '') return;
    let live = true;
    api.invoke('jobs.check', { files: paths, thumbnail: thumb || null }).then(
      (out) => {
        if (live)
          setAnswer({
            key: debounced,
            check: { files: out.files, thumbnail: out.thumbnail, pending: false, error: null },
          });
      },
      (error: unknown) => {
        if (live)
          setAnswer({
            key: debounced,
            check: {
              files: null,
              thumbnail: null,
              pending: false,
              error: (error as Error).message,
            },
          });
      },
    );
    return () => {
      live = false;
    };
  }, [debounced]);
  if (files.length === 0 && thumbnail.trim() === '')
    return { files: [], thumbnail: null, pending: false, error: null };
  if (answer?.key === key) return answer.check;
  return { files: null, thumbnail: null, pending: true, error: null };
}
