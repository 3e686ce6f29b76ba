import { Generator, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { SafetensorsError } from '../errors/safetensors-error';
import { parseSafetensors } from './parse';
import { serializeSafetensors } from './serialize';

// A fixed seed keeps the 1,200 mutated files the same on every run, so a failure reproduces.
const random = new Generator(20261123);
const int = (n: number) => random.nextInt(n);

function validFiles(): Uint8Array[] {
  return [
    serializeSafetensors(
      {
        'fc.weight': tensor([
          [0.5, -1],
          [2, 3],
        ]),
        'fc.bias': tensor([0.25, 0]),
        steps: tensor(12, { dtype: 'int32' }),
      },
      { format: 'pt' },
    ),
    serializeSafetensors(
      {
        d: tensor([1, 2, 3], { dtype: 'float64' }),
        m: tensor([true, false]),
        e: tensor(new Float32Array(0), { shape: [2, 0] }),
      },
      undefined,
      { int32As: 'I64' },
    ),
    serializeSafetensors(
      { 'layers.0.w': tensor([[1, 2, 3]], { dtype: 'int32' }) },
      { epoch: '4', note: 'fuzz' },
      { int32As: 'I64' },
    ),
  ];
}

const HEADER_EDITS: [RegExp, () => string][] = [
  [/[0-9]+/, () => String(int(40))],
  [/"F32"|"F64"|"I32"|"I64"|"BOOL"/, () => ['"F16"', '"BF16"', '"U8"', '"F8_E5M2"', '"X"', '3'][int(6)]],
  [/"data_offsets"/, () => '"offsets"'],
  [/"shape":\[[^\]]*\]/, () => ['"shape":[]', '"shape":[-1]', '"shape":[1e9,1e9]', '"shape":"2"'][int(4)]],
  [/[{}[\]:,]/, () => ''],
  [/"[a-z._0-9]+"/, () => '"fc.bias"'],
  [
    /"__metadata__":\{[^}]*\}/,
    () => ['"__metadata__":{"a":1}', '"__metadata__":[]', '"__metadata__":null'][int(3)],
  ],
];

/** One random corruption: truncate, flip bytes, rewrite the length, or edit the header text. */
function mutate(file: Uint8Array): Uint8Array {
  const bytes = file.slice();
  const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
  switch (int(5)) {
    case 0:
      return bytes.subarray(0, int(bytes.length));
    case 1: {
      for (let n = 1 + int(4); n > 0; n--) bytes[int(bytes.length)] ^= 1 << int(8);
      return bytes;
    }
    case 2: {
      const view = new DataView(bytes.buffer);
      const choices = [
        0n,
        1n,
        BigInt(headerLength - 1),
        BigInt(headerLength + 3),
        BigInt(bytes.length),
        2n ** 62n,
      ];
      view.setBigUint64(0, choices[int(choices.length)], true);
      return bytes;
    }
    case 3: {
      const data = bytes.subarray(8 + headerLength);
      data[int(Math.max(data.length, 1))] = int(256);
      return bytes;
    }
    default: {
      const header = new TextDecoder().decode(bytes.subarray(8, 8 + headerLength));
      const [pattern, replacement] = HEADER_EDITS[int(HEADER_EDITS.length)];
      const edited = new TextEncoder().encode(header.replace(pattern, replacement()));
      const out = new Uint8Array(8 + edited.length + bytes.length - 8 - headerLength);
      new DataView(out.buffer).setBigUint64(0, BigInt(edited.length), true);
      out.set(edited, 8);
      out.set(bytes.subarray(8 + headerLength), 8 + edited.length);
      return out;
    }
  }
}

test('1,200 mutated files each load correctly or throw a SafetensorsError', () => {
  const files = validFiles();
  const outcomes = { loaded: 0, rejected: 0 };
  for (let i = 0; i < 1200; i++) {
    const mutated = mutate(files[i % files.length]);
    let loaded: ReturnType<typeof parseSafetensors>;
    try {
      loaded = parseSafetensors(mutated);
    } catch (error) {
      expect(error).toBeInstanceOf(SafetensorsError);
      outcomes.rejected++;
      continue;
    }
    // A load is correct when it is self-consistent: writing the loaded tensors again and reading
    // them back gives the same names, dtypes, shapes and values.
    const again = parseSafetensors(serializeSafetensors(loaded.tensors, loaded.metadata));
    expect(again.metadata).toEqual(loaded.metadata);
    for (const [name, t] of Object.entries(loaded.tensors)) {
      expect(t.size).toBe(t.shape.reduce((p, d) => p * d, 1));
      expect([again.tensors[name].dtype, again.tensors[name].shape, again.tensors[name].toArray()]).toEqual([
        t.dtype,
        t.shape,
        t.toArray(),
      ]);
    }
    outcomes.loaded++;
  }
  // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
  expect(outcomes.loaded).toBeGreaterThan(50);
  expect(outcomes.rejected).toBeGreaterThan(500);
});

test('an unmodified file loads with its exact values', () => {
  const { tensors, metadata } = parseSafetensors(validFiles()[0]);
  expect(metadata).toEqual({ format: 'pt' });
  expect(tensors['fc.weight'].toArray()).toEqual([
    [0.5, -1],
    [2, 3],
  ]);
  expect(tensors.steps.item()).toBe(12);
});
