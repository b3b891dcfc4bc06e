// Writes src-renderer/theme/mantine-vars.css: the theme's CSS variables as a static file,
// because the renderer's CSP refuses the <style> element Mantine would inject at run time.
// Run after changing src-renderer/theme/: `npm run theme:css`. A unit test checks the file is current.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { themeCss } from '../src-renderer/theme/theme-css.ts';

const out = fileURLToPath(new URL('../src-renderer/theme/mantine-vars.css', import.meta.url));
writeFileSync(out, themeCss());
console.log(`wrote ${out}`);
