import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as models from '@nagare/layers/models';
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
    const packages: Record<string, unknown> = { '@nagare/io': io, '@nagare/layers/models': models };
    const exports = (packages[from] ?? tensorPackage) as Record<string, unknown>;
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

test('the README has the four examples', () => {
  expect(examples.length).toBe(4);
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

test('the ONNX export and import example prints what it says', async () => {
  expect(await run(examples[1])).toEqual([
    [['Gemm', 'Relu', 'Gemm']],
    [true],
    [['0.weight', '0.bias', '2.weight', '2.bias']],
  ]);
});

test('the TensorProto example prints what it says', async () => {
  expect(await run(examples[2])).toEqual([[new BigInt64Array([1n, 0n])]]);
});

test('the PyTorch export example prints the Linear layers of model.py', async () => {
  expect(await run(examples[3])).toEqual([[['nn.Linear(4, 8, bias=True),', 'nn.Linear(8, 3, bias=True),']]]);
});
