import type { HandlerMap } from '../rpc/router.ts';
import type { JobEditor } from './job-editor.ts';
import type { UploadHistory } from './upload-history.ts';

/** The history of finished uploads, and clearing them from the queue. */
export function historyHandlers(
  history: UploadHistory,
  editor: JobEditor,
): Pick<HandlerMap, 'history.list' | 'jobs.clearDone'> {
  return {
    'history.list': (query) => history.list(query),
    'jobs.clearDone': () => ({ cleared: editor.clearDone() }),
  };
}
