import { defineConfig } from 'vite';

/** The renderer alone, for the headless mode (the desktop build uses electron.vite.config.ts). */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
