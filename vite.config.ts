import { defineConfig } from 'vite';
import { preloadFirstScreen } from './scripts/vite-first-screen.ts';
import { quietDirectives } from './scripts/vite-quiet.ts';
import { rendererTreeshake } from './scripts/vite-treeshake.ts';

/** The renderer alone, for the headless mode (the desktop build uses electron.vite.config.ts). */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [preloadFirstScreen()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
    rollupOptions: { onwarn: quietDirectives, treeshake: rendererTreeshake },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
