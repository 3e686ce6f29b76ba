// The browser build of a package whose Node-only functions (reading MNIST files, writing
// checkpoints) import `node:` modules on demand. Bundlers for the web (Vite) externalize such
// imports with a warning each; this build replaces them with a module that throws the library's
// typed error instead, so a web bundle has no Node built-in to warn about and a Node-only function
// called in a browser says why it cannot work. The package.json `browser` condition points at it.

import { builtinModules } from 'node:module';

/** `fs`, `node:fs`, `fs/promises`, …: every specifier of a Node built-in module. */
const NODE_BUILTIN = new RegExp(
  `^(node:.*|(${builtinModules.map((name) => name.replace(/[/]/g, '\\/')).join('|')}))$`,
);

/** The esbuild plugin that resolves every Node built-in import to a module throwing an ArgumentError. */
export function nodeOnlyStub(packageName) {
  return {
    name: 'node-only-stub',
    setup(build) {
      build.onResolve({ filter: NODE_BUILTIN }, (args) => ({ path: args.path, namespace: 'node-only' }));
      build.onLoad({ filter: /.*/, namespace: 'node-only' }, (args) => ({
        contents: [
          "import { ArgumentError } from '@nagare/tensor';",
          `throw new ArgumentError(${JSON.stringify(packageName)}, ${JSON.stringify(
            `this function needs Node.js (${args.path}); the browser build reads and writes no files, so pass the data in memory instead`,
          )});`,
        ].join('\n'),
        loader: 'js',
      }));
    },
  };
}

/**
 * The tsup configurations of a package with a browser build: the usual Node build of
 * `src/index.ts` (ESM + CJS with types, plus `extra` options), and the same source for browsers in
 * `dist/browser/` (ESM, no `node:` module; the types are the Node build's).
 */
export function withBrowserBuild(packageName, extra = {}) {
  const common = { entry: { index: 'src/index.ts' }, sourcemap: true, target: 'es2022' };
  return [
    // The Node build cleans dist/ except browser/: both builds run at once.
    { ...common, format: ['esm', 'cjs'], dts: true, clean: ['!browser/**'], ...extra },
    {
      ...common,
      outDir: 'dist/browser',
      format: ['esm'],
      platform: 'browser',
      // Keep `node:` so the stub sees every built-in under one name (tsup strips it by default).
      removeNodeProtocol: false,
      clean: true,
      dts: false,
      esbuildPlugins: [nodeOnlyStub(packageName)],
    },
  ];
}
