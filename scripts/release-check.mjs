#!/usr/bin/env node
// Release readiness (issue 13), run by `npm test` after the build: packs every publishable package,
// lints the tarballs (publint, arethetypeswrong, metadata), installs them with plain npm into fresh
// projects outside the workspace and runs smoke programs there (ESM, CJS, TypeScript, wasm in Node
// and in a Vite bundle in headless Chromium), checks licenses and notices, versions a throwaway
// copy with changesets and dry-runs the publish, enforces size-budget.json, and runs the runtime
// matrix (issue 22: Node 20, 22 and 24, Bun, Deno and Chromium; scripts/release/runtimes/).
//
//   node scripts/release-check.mjs [--only self-test,lint,install,smoke,browser,licenses,changesets,size,runtimes]
//                                  [--json <file>] [--write-readme] [--keep]
//
// Each check prints one ✓/✗ line and counts as one test in --json (read by scripts/test-all.mjs); a
// runtime-matrix cell that is unsupported for a documented reason prints ○ and counts as skipped.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBrowserBundle } from './release/browser-smoke.mjs';
import { checkBudget, formatSizeTable, measureSizes, syncReadme } from './release/bundle-size.mjs';
import { checkChangesetVersion, checkPublishDryRun } from './release/changesets.mjs';
import { installProject } from './release/install-projects.mjs';
import { checkDependencyLicenses, checkNotices } from './release/licenses.mjs';
import { checkMetadata, checkPublint, checkTypesResolution } from './release/lint-packages.mjs';
import { packAll } from './release/pack.mjs';
import { runRuntimeMatrix } from './release/runtimes/matrix.mjs';
import { formatMatrix, syncMatrixDocs } from './release/runtimes/matrix-table.mjs';
import { checkIsolatedPackage, checkSmokeProgram } from './release/smoke-checks.mjs';
import { formatBytes, publishablePackages, root, run } from './release/workspace.mjs';

const GROUPS = [
  'self-test',
  'lint',
  'install',
  'smoke',
  'browser',
  'licenses',
  'changesets',
  'size',
  'runtimes',
];
const TYPED_PACKAGES = ['@nagare/tensor', '@nagare/autograd', '@nagare/layers', '@nagare/optimizers'];
/** Hand-written programs in release/smoke/, each installed with only the packages it names. */
const SMOKE_PROGRAMS = [
  {
    name: 'ESM import',
    files: ['esm-tensor-autograd.mjs'],
    packages: ['@nagare/tensor', '@nagare/autograd'],
  },
  {
    name: 'CJS require',
    files: ['cjs-optimizers.cjs'],
    packages: ['@nagare/tensor', '@nagare/autograd', '@nagare/optimizers'],
  },
  {
    name: 'TypeScript (tsc --noEmit)',
    files: ['typed-training.ts', 'typed-require.cts'],
    packages: [...TYPED_PACKAGES, '@nagare/data', '@nagare/io', '@nagare/train'],
  },
  { name: 'wasm in Node', files: ['wasm-node.mjs'], packages: ['@nagare/tensor', '@nagare/wasm'] },
];

const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    json: { type: 'string' },
    'write-readme': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const groups = options.only ? options.only.split(',') : GROUPS;
for (const group of groups)
  if (!GROUPS.includes(group)) throw new Error(`unknown group ${group}; use ${GROUPS}`);

const results = [];
async function check(name, body) {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  try {
    const note = await body();
    results.push({ name, ok: true, note });
    console.log(`  ✓ ${name}${note ? `: ${note}` : ''} (${seconds()} s)`);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, error: message });
    console.log(`  ✗ ${name} (${seconds()} s)\n${message.replace(/^/gm, '      ')}`);
    return false;
  }
}

/**
 * Runs `tasks` ({ name, body }) at most `concurrency` at a time (npm installs wait on the network,
 * tsc and attw on a core) and reports them in order, each as one check.
 */
async function checkConcurrently(tasks, concurrency = 2) {
  const queue = [...tasks];
  const started = new Map();
  const startNext = () => {
    const task = queue.shift();
    if (!task) return;
    const promise = task.body().finally(startNext);
    promise.catch(() => {}); // rejections are reported, in order, by check() below
    started.set(task, promise);
  };
  for (let i = 0; i < concurrency; i++) startNext();
  for (const task of tasks) {
    while (!started.has(task)) await new Promise((resolve) => setTimeout(resolve, 50));
    await check(task.name, () => started.get(task));
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'nagare-release-'));
const packages = publishablePackages();
const context = { workDir, packages, packed: new Map(), projects: new Map() };
console.log(`release checks for ${packages.map((pkg) => pkg.name).join(', ')} in ${workDir}`);

try {
  if (groups.includes('self-test')) {
    console.log('== tests of the release checks themselves (node --test scripts/release/*.test.mjs)');
    await runSelfTests();
  }
  mkdirSync(join(workDir, 'tarballs'));
  const needsTarballs = groups.some((group) => group !== 'self-test');
  const isPacked =
    needsTarballs &&
    (await check('pnpm pack every publishable package', async () => {
      context.packed = await packAll(packages, join(workDir, 'tarballs'));
      return [...context.packed].map(([name, p]) => `${name} ${formatBytes(p.packedBytes)}`).join(', ');
    }));
  if (isPacked) {
    if (groups.includes('lint')) {
      console.log('\n== publint, arethetypeswrong and package.json fields');
      const version = packages[0].manifest.version;
      for (const pkg of packages) {
        const packed = context.packed.get(pkg.name);
        await check(`publint ${pkg.name}`, () => checkPublint(packed));
        await check(`metadata ${pkg.name}`, () => checkMetadata(pkg, packed, version));
      }
      await checkConcurrently(
        packages.map((pkg) => ({
          name: `attw ${pkg.name}`,
          body: () => checkTypesResolution(context.packed.get(pkg.name)),
        })),
      );
    }
    if (groups.includes('install')) {
      console.log('\n== each package installed alone from its tarball with npm (import, require, types)');
      await checkConcurrently(
        packages.map((pkg) => ({
          name: `install ${pkg.name} alone`,
          body: () => checkIsolatedPackage(pkg, context),
        })),
      );
    }
    if (groups.includes('smoke')) {
      console.log('\n== smoke programs in fresh npm projects');
      for (const program of SMOKE_PROGRAMS) {
        await check(`smoke: ${program.name} [${program.files.join(', ')}]`, () =>
          checkSmokeProgram(program, context),
        );
      }
    }
    if (groups.includes('browser')) {
      console.log('\n== wasm backend in a Vite bundle in headless Chromium');
      await check('browser: Vite bundle of @nagare/tensor + @nagare/wasm', () => checkBrowserBundle(context));
    }
    if (groups.includes('licenses')) {
      console.log('\n== licenses and notices');
      await check('licenses: production dependencies on the allow-list', async () => {
        // A project with every package installed holds every third-party dependency a user can get.
        const everything = packages.map((pkg) => pkg.name);
        await installProject(workDir, everything, packages, context.packed, context.projects);
        const projects = await Promise.all(context.projects.values());
        return checkDependencyLicenses(projects.map((project) => project.dir));
      });
      await check('licenses: LICENSE, NOTICE and ONNX (Apache-2.0) attribution', () =>
        checkNotices(packages, context.packed),
      );
    }
    if (groups.includes('changesets')) {
      console.log('\n== changesets on a throwaway copy');
      let versioned;
      await check('changeset version (throwaway copy)', async () => {
        versioned = await checkChangesetVersion(packages, workDir);
        return versioned.note;
      });
      await check('pnpm publish -r --dry-run', () => {
        if (!versioned) throw new Error('skipped: changeset version failed');
        return checkPublishDryRun(packages, versioned);
      });
    }
    if (groups.includes('size')) {
      console.log('\n== bundle sizes (esbuild --minify, gzip -9) against size-budget.json');
      await check('size budget', async () => {
        const sizes = await measureSizes(packages, context.packed);
        const table = formatSizeTable(sizes);
        console.log(`\n${table}\n`);
        const differences = syncReadme(table, options['write-readme']);
        const budget = checkBudget(sizes);
        if (differences.length === 0) return `${budget}; README table is current`;
        if (options['write-readme']) return `${budget}; README table updated`;
        // A stale table misleads readers as much as a wrong number in the docs: fail, and say how to fix it.
        throw new Error(
          `${budget}, but README.md's size table is stale; refresh it with\n` +
            `  node scripts/release-check.mjs --only size --write-readme\n${differences.join('\n')}`,
        );
      });
    }
    if (groups.includes('runtimes')) {
      console.log(
        '\n== runtime matrix: every package and the CLI on Node 20, 22 and 24, Bun, Deno and Chromium',
      );
      // A crash of the matrix itself (the CLI did not pack, say) is one failed check, not a lost report.
      await checkRuntimeMatrix().catch((error) =>
        check('runtime matrix ran', () => {
          throw error;
        }),
      );
    }
  }
} finally {
  if (options.keep) console.log(`\nkept ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}

/**
 * Runs the runtime matrix, one check per cell as it finishes, then prints the table, keeps it in
 * .test-results/runtime-matrix.md and compares it with the one in the README and the docs.
 */
async function checkRuntimeMatrix() {
  const matrix = await runRuntimeMatrix(context, (runtime, column, result) => {
    const name = `runtime ${runtime.label}${runtime.version ? ` ${runtime.version}` : ''}: ${column}`;
    if (result.status === 'unsupported') {
      results.push({ name, ok: true, skipped: true, note: result.reason });
      console.log(`  ○ ${name}: unsupported: ${result.reason}`);
      return;
    }
    results.push(
      result.status === 'pass'
        ? { name, ok: true, note: result.note }
        : { name, ok: false, error: result.error },
    );
    if (result.status === 'pass') console.log(`  ✓ ${name}: ${result.note} (${result.seconds.toFixed(1)} s)`);
    else console.log(`  ✗ ${name}\n${(result.output ?? result.error).replace(/^/gm, '      ')}`);
  });
  const markdown = formatMatrix(matrix);
  console.log(`\n${markdown}\n`);
  mkdirSync(join(root, '.test-results'), { recursive: true });
  writeFileSync(join(root, '.test-results', 'runtime-matrix.md'), `${markdown}\n`);
  const isCurrent = syncMatrixDocs(markdown, options['write-readme']);
  let state = 'differs (run node scripts/release-check.mjs --only runtimes --write-readme)';
  if (isCurrent) state = 'is current';
  else if (options['write-readme']) state = 'updated';
  console.log(`  runtime matrix in README.md and apps/docs/src/guide/runtime-matrix.md ${state}`);
}

/** Runs release/*.test.mjs with node:test; each top-level TAP result becomes one check result. */
async function runSelfTests() {
  const testDir = join(import.meta.dirname, 'release');
  const files = readdirSync(testDir).filter((file) => file.endsWith('.test.mjs'));
  const { output } = await run(process.execPath, ['--test', '--test-reporter=tap', ...files], {
    cwd: testDir,
  });
  const lines = output.split('\n');
  let count = 0;
  for (const [index, line] of lines.entries()) {
    const match = /^(not )?ok \d+ - (.*)$/.exec(line);
    if (!match) continue;
    count++;
    const detail = lines.slice(index + 1, index + 40).join('\n');
    await check(`self-test: ${match[2]}`, () => {
      if (match[1]) throw new Error(detail);
    });
  }
  if (count === 0) await check('self-test: node --test ran', () => Promise.reject(new Error(output)));
}

const skipped = results.filter((result) => result.skipped).length;
const passed = results.filter((result) => result.ok).length - skipped;
const failed = results.length - passed - skipped;
console.log(`\nrelease checks: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (options.json) {
  mkdirSync(dirname(options.json), { recursive: true });
  writeFileSync(options.json, `${JSON.stringify({ passed, failed, skipped, checks: results }, null, 2)}\n`);
}
process.exit(failed ? 1 : 0);
