// `npm run demo` builds what the CLI needs and nothing else (issue 18): not the docs site.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { SETUP_STEPS } from '../demo.mjs';
import { root } from './workspace.mjs';

test("the demo's build step builds the CLI and its packages, not the docs site", () => {
  const build = SETUP_STEPS.find((step) => step.name === 'build');
  assert.equal(build.args[0], 'turbo');
  // --dry=json lists the tasks turbo would run without running them.
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  const result = spawnSync(turbo, [...build.args.slice(1), '--dry=json'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
  });
  assert.equal(result.status, 0, result.stderr);
  const tasks = JSON.parse(result.stdout).tasks.map((task) => task.taskId);
  for (const needed of [
    '@nagare/cli#build',
    '@nagare/tensor#build',
    '@nagare/wasm#build',
    '@nagare/train#build',
  ])
    assert.ok(tasks.includes(needed), `${needed} in ${tasks}`);
  assert.ok(!tasks.includes('docs#build'), `docs#build is not built: ${tasks}`);
  assert.ok(build.args.includes('--output-logs=errors-only'), 'successful build logs stay quiet');
});
