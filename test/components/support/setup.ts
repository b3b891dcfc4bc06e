// Runs in the browser before each component test file: the renderer finds the desktop bridge,
// backed by the test engine, and every test starts with fresh stores and no engine.
import { afterEach } from 'vitest';
import type { DroplineBridge } from '../../../src-shared/api/desktop.ts';
import { bridge, closeEngine } from './test-engine.ts';

// The renderer treats a missing desktop call as a browser tab would (optional chaining).
window.dropline = bridge as DroplineBridge<File>;

const { resetRendererState } = await import('./render-app.tsx');
const { cleanup } = await import('vitest-browser-react');
const { useConnection } = await import('../../../src-renderer/state/connection-store.ts');
const openLink = useConnection.getState();

afterEach(async () => {
  await cleanup();
  await closeEngine();
  delete bridge.pickFolder;
  delete bridge.pickVideos;
  delete bridge.pathForFile;
  resetRendererState();
  useConnection.setState(openLink, true);
});
