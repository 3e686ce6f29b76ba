import { tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { SafetensorsError } from '../errors/safetensors-error';
import { parseSafetensors } from './parse';
import { serializeSafetensors } from './serialize';

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

describe('serializeSafetensors', () => {
  test('writes the bytes computed by hand for a small state dict', () => {
    const bytes = serializeSafetensors(
      { c: tensor([true, false, true]), b: tensor(7, { dtype: 'int32' }), a: tensor([1, -2]) },
      { format: 'pt' },
    );
    const header =
      '{"__metadata__":{"format":"pt"},' +
      '"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},' +
      '"b":{"dtype":"I32","shape":[],"data_offsets":[8,12]},' +
      '"c":{"dtype":"BOOL","shape":[3],"data_offsets":[12,15]}}';
    // 194 header bytes + 6 spaces = 200 = 0xc8, so the data starts 8-byte aligned at 208.
    const expected = [
      ...[0xc8, 0, 0, 0, 0, 0, 0, 0],
      ...ascii(header),
      ...ascii('      '),
      ...[0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0], // float32 1, -2
      ...[0x07, 0x00, 0x00, 0x00], // int32 7
      ...[0x01, 0x00, 0x01], // bool
    ];
    expect([...bytes]).toEqual(expected);
  });

  test('lays out larger dtypes first, then names in byte order, and pads the header to 8 bytes', () => {
    const bytes = serializeSafetensors({
      z: tensor([true]),
      '10': tensor([1], { dtype: 'int32' }),
      '9': tensor([2], { dtype: 'float64' }),
      b: tensor([3]),
      a: tensor([4]),
    });
    const length = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(length % 8).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(8, 8 + length)).trimEnd();
    expect([...header.matchAll(/"([^"]+)":\{"dtype"/g)].map((m) => m[1])).toEqual(['9', 'a', 'b', '10', 'z']);
    expect(header).not.toContain('__metadata__');
  });

  test('int32As: "I64" writes int32 tensors as PyTorch-style int64', () => {
    const bytes = serializeSafetensors({ num_batches_tracked: tensor(-3, { dtype: 'int32' }) }, undefined, {
      int32As: 'I64',
    });
    const length = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(new TextDecoder().decode(bytes.subarray(8, 8 + length))).toContain(
      '"dtype":"I64","shape":[],"data_offsets":[0,8]',
    );
    expect(new DataView(bytes.buffer).getBigInt64(8 + length, true)).toBe(-3n);
    expect(parseSafetensors(bytes).tensors.num_batches_tracked.item()).toBe(-3);
  });

  test('round-trips every nagare dtype, zero-size tensors, odd names and metadata', () => {
    const dict = {
      'features.0.weight': tensor([
        [0.1, -0.2],
        [1e-30, 3e38],
      ]),
      'x.double': tensor([Math.PI, -0], { dtype: 'float64' }),
      'layer.int': tensor([[-(2 ** 31), 2 ** 31 - 1]], { dtype: 'int32' }),
      'mask ✓': tensor([[true], [false]]),
      empty: tensor(new Float32Array(0), { shape: [0, 3] }),
      ['__proto__']: tensor([9]),
    };
    const { tensors, metadata } = parseSafetensors(
      serializeSafetensors(dict, { epoch: '3', note: 'é "quoted"' }),
    );
    expect(metadata).toEqual({ epoch: '3', note: 'é "quoted"' });
    expect(Object.keys(tensors).sort()).toEqual(Object.keys(dict).sort());
    for (const [name, t] of Object.entries(dict)) {
      expect([tensors[name].dtype, tensors[name].shape, tensors[name].toArray()]).toEqual([
        t.dtype,
        t.shape,
        t.toArray(),
      ]);
    }
    expect(Object.getPrototypeOf(tensors)).toBe(Object.prototype);
  });

  test('rejects a tensor named __metadata__, non-tensors, disposed tensors and non-string metadata', () => {
    const disposed = tensor([1]);
    disposed.dispose();
    const cases: [() => unknown, RegExp][] = [
      [() => serializeSafetensors({ __metadata__: tensor([1]) }), /may not be named "__metadata__"/],
      [() => serializeSafetensors({ w: [1, 2] as never }), /value of "w" is not a Tensor/],
      [() => serializeSafetensors({ w: disposed }), /tensor "w" was disposed/],
      [
        () => serializeSafetensors({ w: tensor([1]) }, { epoch: 3 as never }),
        /metadata value of "epoch" is a number/,
      ],
    ];
    for (const [run, message] of cases) {
      expect(run).toThrow(SafetensorsError);
      expect(run).toThrow(message);
    }
  });
});
