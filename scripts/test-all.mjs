#!/usr/bin/env node
// The one command that runs every test: installs dependencies, builds every package, runs each
// package's vitest suite (one package at a time: the machine has 2 cores and the suites are CPU-bound),
// reruns the backend-sensitive suites (tensor ops, autograd gradchecks, layers, optimizers) on the
// wasm backend, checks the ONNX conformance floor on both backends and release readiness, and
// prints one line "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runPnpm } from './pnpm.mjs';

const root = join(import.meta.dirname, '..');
const step = (name, args) => {
  console.log(`\n== ${name}: pnpm ${args.join(' ')}`);
  const code = runPnpm(args);
  if (code !== 0) console.log(`== ${name} failed with exit code ${code}`);
  return code;
};

const workspaceDirs = ['packages', 'apps', 'bench'].flatMap((group) => {
  const dir = join(root, group);
  if (!existsSync(dir)) return [];
  if (existsSync(join(dir, 'package.json'))) return [dir];
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((d) => existsSync(join(d, 'package.json')));
});
for (const dir of workspaceDirs) rmSync(join(dir, '.test-results'), { recursive: true, force: true });

// A failed build of one package counts as one failure but does not stop the others: turbo's
// --continue still builds and tests every package whose dependencies built.
const installFailed = step('install', ['install', ...(process.env.CI ? ['--frozen-lockfile'] : [])]) !== 0;
const buildFailed = !installFailed && step('build', ['turbo', 'run', 'build', '--continue']) !== 0;
const setupFailed = installFailed;
const testCode = installFailed ? 1 : step('test', ['turbo', 'run', 'test', '--concurrency=1', '--continue']);
// The packages with a `test:wasm` script run their suite again with wasm as the backend
// (packages/wasm/scripts/vitest-on-wasm.config.ts), writing .test-results/vitest-wasm.json.
const wasmTestCode = installFailed
  ? 1
  : step('test on wasm', ['turbo', 'run', 'test:wasm', '--concurrency=1', '--continue']);

let passed = 0;
let failed = (installFailed ? 1 : 0) + (buildFailed ? 1 : 0);
let skipped = 0;
for (const [backend, name] of [
  ['default', 'vitest.json'],
  ['wasm', 'vitest-wasm.json'],
]) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const dir of workspaceDirs) {
    const file = join(dir, '.test-results', name);
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    counts.passed += report.numPassedTests;
    counts.failed += report.numFailedTests;
    counts.skipped += report.numPendingTests + report.numTodoTests;
    // A suite that fails to load (syntax error, missing import) has no tests: count it as a failure.
    counts.failed += report.testResults.filter(
      (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
    ).length;
  }
  console.log(
    `\n== vitest (${backend} backend): ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}
// ONNX conformance (apps/conformance): one test per backend (js, wasm) that fails when fewer cases
// pass on it than the floor recorded in apps/conformance/floor.json.
const conformanceCases = join(root, '..', 'shared', 'conformance', 'onnx-node');
if (setupFailed) {
  // Nothing was built: the failed setup step is already counted.
} else if (!existsSync(join(root, 'apps/conformance/dist/cli.js'))) {
  console.log('\n== conformance: the runner did not build');
  failed += 1;
} else if (!existsSync(conformanceCases)) {
  console.log(`\n== conformance: skipped, ${conformanceCases} is absent`);
  skipped += 1;
} else {
  // One test per backend: both must reach the floor.
  for (const [backend, report] of [
    ['js', 'conformance.json'],
    ['wasm', 'conformance-wasm.json'],
  ]) {
    console.log(`\n== conformance (${backend} backend, against apps/conformance/floor.json)`);
    const conformance = spawnSync(
      process.execPath,
      [
        join(root, 'apps/conformance/dist/cli.js'),
        '--dir',
        conformanceCases,
        '--backend',
        backend,
        '--quiet',
        '--floor',
        join(root, 'apps/conformance/floor.json'),
        '--json',
        join(root, 'apps/conformance/.test-results', report),
      ],
      { stdio: 'inherit', cwd: root },
    );
    if (conformance.status === 0) passed += 1;
    else failed += 1;
  }
}
// Release readiness (scripts/release-check.mjs, issue 13): each check (publint, attw and metadata per
// package, npm installs from the tarballs, smoke programs, the browser bundle, licenses, changesets,
// the size budget, each cell of the runtime matrix) counts as one test.
if (!setupFailed) {
  console.log('\n== release checks: node scripts/release-check.mjs');
  const releaseReport = join(root, '.test-results', 'release.json');
  rmSync(releaseReport, { force: true });
  spawnSync(process.execPath, [join(root, 'scripts/release-check.mjs'), '--json', releaseReport], {
    stdio: 'inherit',
    cwd: root,
  });
  if (existsSync(releaseReport)) {
    const report = JSON.parse(readFileSync(releaseReport, 'utf8'));
    passed += report.passed;
    failed += report.failed;
    skipped += report.skipped ?? 0; // runtime-matrix cells unsupported for a documented reason
  } else {
    failed += 1; // it crashed before writing its report
  }
}
if ((testCode !== 0 || wasmTestCode !== 0) && failed === 0) failed += 1;

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
