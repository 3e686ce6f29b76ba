import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Generator } from '@nagare/tensor';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCheckpoint } from './load-checkpoint';
import { saveCheckpoint } from './save-checkpoint';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const WRITER = fileURLToPath(new URL('../test-support/checkpoint-writer.ts', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-train-kill-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the writer and resolves once it has written `count` checkpoints. */
function startWriter(path: string, count: number): Promise<ChildProcess> {
  // node itself runs the script (tsx as a loader, no wrapper process), so SIGKILL hits the writer.
  // The tsconfig maps @nagare/* to the packages' sources, so the child needs no build.
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(PACKAGE_DIR, 'tsconfig.check.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let saved = 0;
    let errors = '';
    child.stderr?.on('data', (chunk) => {
      errors += chunk;
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      saved += (chunk.toString().match(/saved/g) ?? []).length;
      if (saved >= count) resolve(child);
    });
    child.on('exit', (code) =>
      reject(new Error(`the writer exited (${code}) before ${count} saves: ${errors}`)),
    );
  });
}

async function killAfter(child: ChildProcess, milliseconds: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, milliseconds));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

test('kill -9 during checkpoint writes always leaves a whole, loadable last checkpoint', async () => {
  const path = join(dir, 'checkpoints', 'last.safetensors');
  // Kill times are random but seeded, spread over the ~tens of milliseconds a write takes.
  const random = new Generator(2024);
  let lastIteration = 0;
  for (let round = 0; round < 4; round++) {
    const child = await startWriter(path, 2);
    await killAfter(child, 5 + random.nextInt(60));
    const checkpoint = await loadCheckpoint(path);
    const iteration = Number(checkpoint.metadata.iteration);
    expect(iteration).toBeGreaterThanOrEqual(1);
    // Every tensor of the file holds the same iteration's values: no mix of two writes, no torn data.
    const tensors = [
      ...Object.values(checkpoint.weights),
      ...Object.values(checkpoint.optimizer?.state ?? {}).flatMap((s) => Object.values(s.tensors)),
    ];
    expect(tensors).toHaveLength(4);
    for (const tensor of tensors) expect(new Set(tensor.dataSync())).toEqual(new Set([iteration]));
    checkpoint.dispose();
    lastIteration = iteration;
  }
  expect(lastIteration).toBeGreaterThan(0);
  // Killed writes leave only temporary files beside it, never a second "last"; the next save removes them.
  const names = await readdir(join(dir, 'checkpoints'));
  expect(names.filter((name) => !name.endsWith('.tmp'))).toEqual(['last.safetensors']);
  await saveCheckpoint(path, {
    weights: {},
    optimizer: null,
    callbacks: {},
    state: null,
    metadata: {},
    dispose: () => {},
  });
  expect(await readdir(join(dir, 'checkpoints'))).toEqual(['last.safetensors']);
}, 60_000);
