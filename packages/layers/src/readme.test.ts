import { readFileSync } from 'node:fs';
import * as autogradExports from '@nagare/autograd';
import * as tensorExports from '@nagare/tensor';
import { expect, test, vi } from 'vitest';
import * as layerExports from './index';

test('the README example trains one step and prints the state dict keys', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const code = readme.split('```ts')[1].split('```')[0];
  expect(code.split('\n').filter((line) => line.trim()).length).toBeLessThanOrEqual(15);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  // Run the body with the three packages' exports in scope (the imports are stripped).
  const scope = { ...tensorExports, ...autogradExports, ...layerExports };
  const body = code.replace(/^import .*$/gm, '');
  tensorExports.tidy(() => new Function(...Object.keys(scope), body)(...Object.values(scope)));
  expect(log).toHaveBeenCalledWith(['0.weight', '0.bias', '2.weight', '2.bias']);
  log.mockRestore();
});
