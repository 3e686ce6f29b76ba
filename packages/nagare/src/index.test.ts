import * as autograd from '@nagare/autograd';
import * as data from '@nagare/data';
import * as io from '@nagare/io';
import * as layers from '@nagare/layers';
import * as optimizers from '@nagare/optimizers';
import * as tensor from '@nagare/tensor';
import * as trainPackage from '@nagare/train';
import { afterEach, expect, test } from 'vitest';
import * as nagare from './index';

afterEach(() => nagare.useBackend(nagare.createJsBackend()));

test('tensor and autograd are re-exported flat, every export of both', () => {
  for (const [name, value] of [...Object.entries(tensor), ...Object.entries(autograd)]) {
    expect(nagare[name as keyof typeof nagare], name).toBe(value);
  }
});

test('the other packages are namespaces named as PyTorch users expect', () => {
  expect(nagare.nn).toBe(layers);
  expect(nagare.optim).toBe(optimizers);
  expect(nagare.data).toBe(data);
  expect(nagare.train).toBe(trainPackage);
  expect(nagare.io).toBe(io);
});

test('gradients work through the umbrella import (autograd is installed by importing it)', () => {
  const x = nagare.tensor([1, 2, 3]);
  const dx = nagare.grad((t: nagare.Tensor) => nagare.sum(nagare.mul(t, t)))(x);
  expect(Array.from(dx.dataSync())).toEqual([2, 4, 6]);
});

test('useWasm installs the WebAssembly backend and ops then run on it', async () => {
  const backend = await nagare.useWasm();
  expect(backend.name).toBe('wasm');
  expect(nagare.getBackend()).toBe(backend);
  const y = nagare.add(nagare.tensor([1, 2]), nagare.tensor([3, 4]));
  expect(Array.from(y.dataSync())).toEqual([4, 6]);
  expect(nagare.memory().backend).toBe('wasm');
});

test('useWebGPU without WebGPU (Node) is a BackendError that names the fallback, and keeps the backend', async () => {
  const before = nagare.getBackend();
  await expect(nagare.useWebGPU()).rejects.toThrow(nagare.BackendError);
  await expect(nagare.useWebGPU()).rejects.toThrow(/navigator\.gpu is missing.*useWasm\(\)/);
  expect(nagare.getBackend()).toBe(before);
});
