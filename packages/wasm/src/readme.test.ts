import { readFileSync } from 'node:fs';
import { format } from 'node:util';
import * as nagareTensor from '@nagare/tensor';
import { expect, test, vi } from 'vitest';
import * as nagareWasm from './index';

test('the README example runs and prints what its comments say', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const code = readme.split('```ts\n')[1].split('```')[0];
  expect(code.trim().split('\n').length).toBeLessThanOrEqual(15);
  const modules: Record<string, Record<string, unknown>> = {
    '@nagare/tensor': nagareTensor,
    '@nagare/wasm': nagareWasm,
  };
  const names: string[] = [];
  const values: unknown[] = [];
  let body = code;
  for (const match of code.matchAll(/^import \{ (.*) \} from '(@nagare\/\w+)';$/gm)) {
    for (const name of match[1].split(', ')) {
      names.push(name);
      values.push(modules[match[2]][name]);
    }
    body = body.replace(match[0], '');
  }
  expect(values.every((value) => value !== undefined)).toBe(true);
  // Each console.log line ends with a comment showing what Node prints for it.
  const expected = [...code.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((match) => match[1]);
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(format(...args));
  });
  const previous = nagareTensor.getBackend();
  try {
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<void>;
    await new AsyncFunction(...names, body)(...values);
  } finally {
    log.mockRestore();
    nagareTensor.useBackend(previous);
  }
  expect(printed).toEqual(expected);
});
