import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { preloadFirstScreen } from './scripts/vite-first-screen.ts';
import { quietDirectives } from './scripts/vite-quiet.ts';
import { rendererTreeshake } from './scripts/vite-treeshake.ts';

/** Desktop build: main (ESM), preload (CommonJS, as sandboxed preloads must be), renderer. */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          main: resolve('src-main/electron/main.ts'),
          // Started as a worker thread by sidecar-parser.ts, from next to the bundle.
          'sidecar-worker': resolve('src-main/watch/sidecar-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // The same renderer as vite.config.ts builds for the headless mode (relative paths, no maps).
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [preloadFirstScreen()],
    build: {
      outDir: 'out/renderer',
      sourcemap: false,
      // electron-vite leaves the renderer unminified by default: 80 KB gzip more on the first
      // screen than the headless build of vite.config.ts (bench/bundle.bench.ts).
      minify: true,
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        input: { index: resolve('src-renderer/index.html') },
        onwarn: quietDirectives,
        treeshake: rendererTreeshake,
      },
    },
  },
});
