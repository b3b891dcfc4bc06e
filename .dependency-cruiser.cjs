// Architecture rules that ESLint's import rules cannot express (design.md, "Second round").
// Run by `npm run lint`; test/unit/lint/architecture.test.ts plants a violation of each one.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders form a layered graph: a cycle between folders (even through different files) hides which one is the lower layer.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src-(main|shared|renderer)/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      comment: 'Two modules that import each other cannot be understood (or loaded) one at a time.',
      severity: 'error',
      from: { path: '^src-(main|shared|renderer)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'electron-shell-is-a-leaf',
      comment: 'Only the desktop shell itself uses src-main/electron/; the core and the other shells stay runnable without Electron.',
      severity: 'error',
      from: { path: '^src-', pathNot: '^src-main/electron/' },
      to: { path: '^src-main/electron/' },
    },
  ],
  options: {
    includeOnly: '^src-(main|shared|renderer)/',
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
