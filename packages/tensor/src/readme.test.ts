import { readFileSync } from 'node:fs';
import { format } from 'node:util';
import { expect, test, vi } from 'vitest';
import * as nagareTensor from './index';

test('the README example runs and prints what its comments say', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const code = readme.split('```ts\n')[1].split('```')[0];
  expect(code.trim().split('\n').length).toBeLessThanOrEqual(15);
  const imports = /^import \{ (.*) \} from '@nagare\/tensor';$/m.exec(code);
  expect(imports).not.toBeNull();
  const names = (imports?.[1] ?? '').split(', ');
  const exports = nagareTensor as Record<string, unknown>;
  const values = names.map((name) => exports[name]);
  expect(values.every((value) => value !== undefined)).toBe(true);
  // Each console.log line ends with a comment showing what Node prints for it.
  const expected = [...code.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((match) => match[1]);
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(format(...args));
  });
  try {
    new Function(...names, code.replace(imports?.[0] ?? '', ''))(...values);
  } finally {
    log.mockRestore();
  }
  expect(printed).toEqual(expected);
});
