import { useEffect } from 'react';
import { useQueue } from './screens/queue/queue-store.ts';
import { titleText } from './state/title-text.ts';

/** Keeps document.title (the Electron window's title too) on the queue's progress. */
export function useDocumentTitle(): void {
  useEffect(() => {
    if (useQueue.getState().order.length === 0) void useQueue.getState().load();
    const apply = (s: ReturnType<typeof useQueue.getState>) => {
      const title = titleText(Object.values(s.jobs), s.progress);
      if (document.title !== title) document.title = title;
    };
    apply(useQueue.getState());
    return useQueue.subscribe(apply);
  }, []);
}
