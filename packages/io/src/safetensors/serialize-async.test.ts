import { createJsBackend, getBackend, SyncReadError, tensor, useBackend } from '@nagare/tensor';
import { asyncOnlyBackend } from '@nagare/tensor/testing';
import { afterEach, expect, test } from 'vitest';
import { serializeSafetensors, serializeSafetensorsAsync } from './serialize';

const original = getBackend();
afterEach(() => useBackend(original));

const dict = () => ({
  'fc.weight': tensor([
    [1.5, -2],
    [0.25, 3],
  ]),
  'fc.bias': tensor([0.5, -1], { dtype: 'float64' }),
  steps: tensor([3], { dtype: 'int32' }),
});

test('serializeSafetensorsAsync writes the bytes serializeSafetensors writes, also where reads are async only', async () => {
  const expected = serializeSafetensors(dict(), { format: 'pt' });
  expect(await serializeSafetensorsAsync(dict(), { format: 'pt' })).toEqual(expected);
  useBackend(asyncOnlyBackend(createJsBackend()));
  expect(await serializeSafetensorsAsync(dict(), { format: 'pt' })).toEqual(expected);
  expect(() => serializeSafetensors(dict())).toThrow(SyncReadError);
});
