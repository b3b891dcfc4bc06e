import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';

/** The screen a window opens on unless its URL names another (state/navigation-store.ts). */
export const FIRST_SCREEN_MODULE = 'src-renderer/screens/queue/QueueScreen.tsx';

type Chunk = Rollup.OutputChunk & { viteMetadata?: { importedCss: Set<string> } };

/** A chunk and every chunk it imports statically, by file name. */
function staticClosure(start: Chunk, byFile: Map<string, Chunk>): Set<string> {
  const seen = new Set<string>();
  const walk = (chunk: Chunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const file of chunk.imports) {
      const next = byFile.get(file);
      if (next) walk(next);
    }
  };
  walk(start);
  return seen;
}

/**
 * Puts the first screen's chunk, the chunks it needs beyond the entry's, and its stylesheet into
 * index.html as preloads. The screen is a dynamic import (each screen is its own chunk), so
 * without them the browser asks for it only once the entry has downloaded and run, a second
 * round of requests before the window can render (bench/startup.bench.ts). A window opened on
 * another screen fetches these few files for nothing, in parallel, from its own disk or server.
 */
export function preloadFirstScreen(screenModule = FIRST_SCREEN_MODULE): Plugin {
  return {
    name: 'dropline-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx): HtmlTagDescriptor[] {
        if (!ctx.bundle) return [];
        const chunks = Object.values(ctx.bundle).filter(
          (output): output is Chunk => output.type === 'chunk',
        );
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const entry = chunks.find((chunk) => chunk.isEntry);
        const screen = chunks.find((chunk) =>
          chunk.facadeModuleId?.split('\\').join('/').endsWith(screenModule),
        );
        // A renamed or inlined screen must fail the build, not silently lose the preload.
        if (!entry || !screen)
          throw new Error(
            `preloadFirstScreen: ${screenModule} is not a chunk of its own in this build; update FIRST_SCREEN_MODULE in scripts/vite-first-screen.ts`,
          );
        const loadedByEntry = staticClosure(entry, byFile);
        const files = [...staticClosure(screen, byFile)].filter((f) => !loadedByEntry.has(f));
        const css = new Set(
          files.flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]),
        );
        // The same attributes as Vite's own preloads of the entry's chunks.
        return [
          ...files.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
          ...[...css].map((file) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}
