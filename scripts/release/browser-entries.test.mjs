// @nagare/data and @nagare/train read and write files only in Node. Their `browser` export
// condition (built by scripts/browser-build.mjs) must hold no `node:` import, so web bundlers have
// nothing to externalize and warn about, and a Node-only function must fail with the library's
// typed error there (issue 18). Needs the packages built, as the release checks do.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { publishablePackages } from './workspace.mjs';

const NODE_ONLY = {
  '@nagare/data': (entry) => entry.mnistFromDirectory('/no/such/dir'),
  '@nagare/train': (entry) =>
    entry.saveCheckpoint('/no/such/dir/last.safetensors', {
      weights: {},
      optimizer: null,
      callbacks: {},
      state: null,
      metadata: {},
      dispose() {},
    }),
};
const packages = publishablePackages();

for (const [name, callNodeOnly] of Object.entries(NODE_ONLY)) {
  const pkg = packages.find((candidate) => candidate.name === name);
  const browser = pkg.manifest.exports['.'].browser;

  test(`${name}: the browser condition bundles without any node: module`, async () => {
    assert.ok(browser?.default, `${name} has an exports["."].browser entry`);
    const entry = join(pkg.dir, browser.default);
    assert.ok(existsSync(entry), `${entry} is built`);
    const reached = [];
    await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
      plugins: [
        {
          name: 'record-node-imports',
          setup(esbuild) {
            esbuild.onResolve({ filter: /^node:/ }, (args) => {
              reached.push(`${args.path} from ${args.importer}`);
              return { path: args.path, external: true };
            });
            // The other packages are checked on their own; third-party code is not ours to fix.
            esbuild.onResolve({ filter: /^[@a-z]/ }, (args) => ({ path: args.path, external: true }));
          },
        },
      ],
    });
    assert.deepEqual(reached, []);
  });

  test(`${name}: a Node-only function in the browser build rejects with an ArgumentError`, async () => {
    const entry = await import(pathToFileURL(join(pkg.dir, browser.default)).href);
    await assert.rejects(callNodeOnly(entry), (error) => {
      assert.equal(error.name, 'ArgumentError');
      assert.equal(error.code, 'INVALID_ARGUMENT');
      assert.match(error.message, /needs Node\.js/);
      return true;
    });
  });
}
