import { readFileSync } from 'node:fs';
// The example's first line: importing @nagare/autograd installs the gradient engine.
import '@nagare/autograd';
import * as tensorExports from '@nagare/tensor';
import { expect, test, vi } from 'vitest';
import * as optimizerExports from './index';

test('the README example trains and prints what it says', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const code = readme.split('```ts')[1].split('```')[0];
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  // Run the body with the two packages' exports in scope (the imports are stripped).
  const scope = { ...tensorExports, ...optimizerExports };
  const body = code.replace(/^import .*$/gm, '');
  tensorExports.tidy(() => new Function(...Object.keys(scope), body)(...Object.values(scope)));
  expect(log).toHaveBeenCalledWith(['2.000', '-1.000', '0.500']);
  log.mockRestore();
});
