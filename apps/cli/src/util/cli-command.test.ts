import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import { cliCommand, detectInvocation } from './cli-command';

const checkout = makeTempDir('nagare-checkout-');
const script = join(checkout, 'apps', 'cli', 'dist', 'cli.js');
mkdirSync(join(checkout, 'apps', 'cli', 'dist'), { recursive: true });
writeFileSync(script, '');
writeFileSync(
  join(checkout, 'package.json'),
  JSON.stringify({ name: 'nagare-monorepo', scripts: { nagare: 'node apps/cli/dist/cli.js' } }),
);
const installed = join(checkout, 'node_modules', '@nagare', 'cli', 'dist', 'cli.js');
mkdirSync(join(installed, '..'), { recursive: true });
writeFileSync(installed, '');

test('from a checkout, printed commands run through npm from the repo root', () => {
  const invocation = detectInvocation(script, join(checkout, 'apps'));
  expect(invocation).toEqual({ prefix: 'npm run nagare --', cwd: checkout });
  expect(cliCommand(['train', '--resume', { path: join(checkout, 'runs', 'a b') }], invocation)).toBe(
    "npm run nagare -- train --resume 'runs/a b'",
  );
});

test('as an installed bin, printed commands start with nagare and keep the given paths', () => {
  const invocation = detectInvocation(installed, '/somewhere');
  expect(invocation.prefix).toBe('nagare');
  expect(cliCommand(['train', '--resume', { path: 'runs/x' }], invocation)).toBe(
    'nagare train --resume runs/x',
  );
});

test('the CLI run from this repository prints npm run commands', () => {
  const source = new URL('../bin.ts', import.meta.url).pathname;
  expect(detectInvocation(source).prefix).toBe('npm run nagare --');
});
