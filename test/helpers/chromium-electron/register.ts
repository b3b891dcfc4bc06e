// `node --import ./test/helpers/chromium-electron/register.ts out/main/main.js`: the built
// desktop main bundle runs under Node with every `electron` import or require resolved to the
// Chromium-backed fake (electron.ts). Synchronous hooks cover import and require alike.
import { registerHooks } from 'node:module';

const fake = new URL('./electron.ts', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: fake, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
