import { getBackend } from '@nagare/tensor';
import { afterEach, expect, test } from 'vitest';
import { activateJs, selectBackend } from './select-backend';

afterEach(() => activateJs());

test('js is used as asked, without a trial', async () => {
  let trials = 0;
  const choice = await selectBackend('js', 1, () => ++trials);
  expect(choice).toEqual({ name: 'js' });
  expect(trials).toBe(0);
  expect(getBackend().name).toBe('js');
});

test('auto keeps the backend whose trial step was faster', async () => {
  const faster = async (fast: 'js' | 'wasm') =>
    selectBackend('auto', 1, () => (getBackend().name === fast ? 0.001 : 0.01));
  const wasm = await faster('wasm');
  expect(wasm.name).toBe('wasm');
  expect(getBackend().name).toBe('wasm');
  expect(wasm.reason).toBe('wasm 1.0 ms/step, js 10.0 ms/step');
  const js = await faster('js');
  expect(js.name).toBe('js');
  expect(getBackend().name).toBe('js');
});

test('auto falls back to js, saying why, when the trial fails on wasm', async () => {
  const choice = await selectBackend('auto', 1, () => {
    if (getBackend().name === 'wasm') throw new Error('conv2d: no wasm kernel');
    return 0.01;
  });
  expect(choice).toEqual({ name: 'js', reason: 'wasm cannot run this model yet: conv2d: no wasm kernel' });
  expect(getBackend().name).toBe('js');
});
