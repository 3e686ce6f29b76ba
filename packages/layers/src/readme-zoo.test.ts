import { readFileSync } from 'node:fs';
import * as autogradExports from '@nagare/autograd';
import * as tensorExports from '@nagare/tensor';
import { expect, test, vi } from 'vitest';
import * as layerExports from './index';
import * as modelExports from './models/index';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = readme
  .split('```ts')
  .slice(1)
  .map((block) => block.split('```')[0]);

/** Runs a README block with every package's exports in scope (imports stripped); returns what it logged. */
function run(code: string): unknown[][] {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const scope = { ...tensorExports, ...autogradExports, ...layerExports, ...modelExports };
  const body = code.replace(/^import .*$/gm, '');
  try {
    tensorExports.tidy(() => new Function(...Object.keys(scope), body)(...Object.values(scope)));
    return log.mock.calls;
  } finally {
    log.mockRestore();
  }
}

test('the README recurrent-layer example prints the documented shapes', () => {
  const code = blocks.find((block) => block.includes('new LSTM('));
  expect(code).toBeDefined();
  expect(run(code!)).toEqual([
    [
      [4, 10, 32],
      [4, 4, 16],
      [4, 4, 16],
    ],
  ]);
});

test('the README model-zoo example prints the documented shape and parameter counts', () => {
  const code = blocks.find((block) => block.includes('lenet5('));
  expect(code).toBeDefined();
  expect(run(code!)).toEqual([[[2, 10], 61_706], [272_474]]);
});
