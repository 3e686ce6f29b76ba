import { readFileSync } from 'node:fs';
import * as tensorExports from '@nagare/tensor';
import { expect, test, vi } from 'vitest';
import * as autogradExports from './index';

test('the README example runs and prints what it says', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const code = readme.split('```ts')[1].split('```')[0];
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  // Run the body with both packages' exports in scope (the imports are stripped).
  const scope = { ...tensorExports, ...autogradExports };
  const body = code.replace(/^import .*$/gm, '');
  try {
    tensorExports.tidy(() => new Function(...Object.keys(scope), body)(...Object.values(scope)));
    const printed = log.mock.calls.map(([value]) => value as number[]);
    expect(printed[0]).toEqual([2, 4, 6]);
    expect(printed[1][0]).toBeCloseTo(0, 10);
    expect(printed[1][1]).toBeCloseTo(-0.72686, 5);
    expect(printed[2]).toEqual([1, 1]);
  } finally {
    log.mockRestore();
  }
});
