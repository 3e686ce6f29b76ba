import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tensorPackage from '@nagare/tensor';
import { expect, test, vi } from 'vitest';
import * as io from './index';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = readme
  .split('```ts')
  .slice(1)
  .map((block) => block.split('```')[0]);

/** Runs a README example with the imported names in scope; returns what it logged. */
async function run(code: string, replacements: Record<string, string> = {}): Promise<unknown[][]> {
  const scope: Record<string, unknown> = {};
  for (const [, names, from] of code.matchAll(/^import \{([^}]+)\} from '([^']+)';$/gm)) {
    const exports = (from === '@nagare/io' ? io : tensorPackage) as Record<string, unknown>;
    for (const name of names.split(',').map((n) => n.trim())) scope[name] = exports[name];
  }
  let body = code.replace(/^import [^;]+;$/gm, '');
  for (const [from, to] of Object.entries(replacements)) body = body.replaceAll(from, to);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
    await new AsyncFunction(...Object.keys(scope), body)(...Object.values(scope));
    return log.mock.calls;
  } finally {
    log.mockRestore();
  }
}

test('the README has the two examples', () => {
  expect(examples.length).toBe(2);
});

test('the safetensors example saves, loads and prints what it says', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nagare-readme-'));
  try {
    const path = JSON.stringify(join(dir, 'model.safetensors')).slice(1, -1);
    expect(await run(examples[0], { 'model.safetensors': path })).toEqual([
      [
        'pt',
        [
          [1, 2],
          [3, 4],
        ],
      ],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the ONNX example prints what it says', async () => {
  expect(await run(examples[1])).toEqual([[new BigInt64Array([1n, 0n])]]);
});
