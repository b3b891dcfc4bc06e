/**
 * The renderer's tree-shaking. The shared domain modules declare their zod schemas next to the
 * helpers the renderer uses (`canRetryJob` beside `JobSchema`); a schema is a call, which the
 * bundler keeps unless told it has no side effect, and a kept schema keeps zod (about 16 KB
 * gzip) on the first screen. `z` is how every module imports zod (`import * as z from
 * 'zod/mini'`, lint enforces it in the renderer); zod's own internals are already marked pure.
 * The name is matched wherever it is called, so a library calling a function `z` for its side
 * effect would lose that call: checked by diffing the module sizes of a build with and without
 * this (only src-shared modules changed).
 */
export const rendererTreeshake = { manualPureFunctions: ['z'] };
