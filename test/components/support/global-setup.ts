// The components project's own set-up: the engine server the screens under test talk to.
import type { TestProject } from 'vitest/node';
import { startEngineServer } from './engine-server.ts';
import { ENGINE_URL_KEY } from './protocol.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    [ENGINE_URL_KEY]: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startEngineServer();
  project.provide(ENGINE_URL_KEY, server.url);
  return () => server.close();
}
