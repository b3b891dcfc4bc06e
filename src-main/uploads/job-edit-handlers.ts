import type { HandlerMap } from '../rpc/router.ts';
import { checkThumbnail } from '../youtube/thumbnail-check.ts';
import type { JobEditor } from './job-editor.ts';
import { addUploads, checkFiles } from './upload-checks.ts';
import type { UploadEngine } from './upload-engine.ts';

type Method =
  'jobs.add' | 'jobs.check' | 'jobs.update' | 'jobs.remove' | 'jobs.move' | 'jobs.timeline';

/** The UI's job methods: checked adds, edits, removal, order and history. */
export function jobEditHandlers(engine: UploadEngine, editor: JobEditor): Pick<HandlerMap, Method> {
  return {
    'jobs.add': ({ uploads }) => ({ jobIds: addUploads(engine, uploads) }),
    'jobs.check': async ({ files, thumbnail }) => ({
      files: checkFiles(files),
      thumbnail: thumbnail ? await checkThumbnail(thumbnail) : null,
    }),
    'jobs.update': ({ ids, patch }) => editor.update(ids, patch),
    'jobs.remove': ({ ids }) => ({ removed: editor.remove(ids) }),
    'jobs.move': ({ id, to }) => ({ order: editor.move(id, to) }),
    'jobs.timeline': ({ id }) => {
      engine.get(id);
      return engine.timeline.list(id);
    },
  };
}
