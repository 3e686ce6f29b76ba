import { gzipSync } from 'node:zlib';
import { serializeSafetensors, writeOnnxModel } from '@nagare/io';
import { tensor } from '@nagare/tensor';
import { BYTE_MUTATIONS, mutateWith, TEXT_MUTATIONS } from './mutate';
import { ONNX_MUTATIONS } from './onnx-mutations';
import { onnxSeedModels } from './onnx-seeds';
import { FuzzRandom, nameSeed } from './random';

/** The formats the fuzz suite mutates. */
export const FUZZ_FORMATS = ['safetensors', 'onnx', 'idx', 'csv', 'config'] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

/** One mutated input: its bytes (or text), the seed it came from and the mutations applied. */
export interface FuzzCase {
  format: FuzzFormat;
  index: number;
  data: Uint8Array | string;
  seed: number;
  mutations: string[];
}

function idxFile(type: number, shape: number[], values: number[]): Uint8Array {
  const size = { 8: 1, 12: 4, 13: 4 }[type as 8 | 12 | 13];
  const bytes = new Uint8Array(4 + 4 * shape.length + values.length * size);
  const view = new DataView(bytes.buffer);
  bytes[2] = type;
  bytes[3] = shape.length;
  shape.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d);
  });
  const start = 4 + 4 * shape.length;
  values.forEach((v, i) => {
    if (type === 8) view.setUint8(start + i, v);
    else if (type === 12) view.setInt32(start + 4 * i, v);
    else view.setFloat32(start + 4 * i, v);
  });
  return bytes;
}

const CSV_SEEDS = [
  'size,color,weight,kind\n1,red,2.5,a\n2,blue,3.5,b\n3,red,1.25,a\n4,green,0.5,c\n',
  'x1,x2,y\n0.5,-1,0.25\n1.5,2,1.75\n-3,4e-2,0\n',
  'id,city,age,label\nu1,paris,31,yes\nu2,tokyo,25,no\nu3,paris,47,yes\n',
];
const CSV_TARGETS = ['kind', 'y', 'label'];

const CONFIG_SEEDS = [
  { recipe: 'spiral-mlp', epochs: 3, batchSize: 16, lr: 0.01, optimizer: 'adam', model: { hidden: [8, 8] } },
  {
    recipe: 'mnist-mlp',
    epochs: 1,
    limit: 256,
    valFraction: 0.1,
    schedule: 'cosine',
    model: { dropout: 0.1 },
  },
  { recipe: 'mnist-lenet5', epochs: 2, seed: 7, backend: 'js', threads: 1, augment: 2 },
].map((config) => JSON.stringify(config, null, 2));

/** Builds the seeds once per process: they are small and deterministic. */
function seeds() {
  const safetensors = [
    serializeSafetensors(
      {
        'fc.weight': tensor([
          [0.5, -1],
          [2, 3],
        ]),
        'fc.bias': tensor([0.25, 0]),
      },
      { format: 'pt' },
    ),
    serializeSafetensors(
      {
        d: tensor([1, 2, 3], { dtype: 'float64' }),
        m: tensor([true, false]),
        n: tensor(7, { dtype: 'int32' }),
      },
      { epoch: '3' },
      { int32As: 'I64' },
    ),
  ];
  const plainIdx = [
    idxFile(8, [2, 2, 3], [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]),
    idxFile(12, [3], [-1, 7, 70000]),
    idxFile(13, [2, 1], [1.5, -2]),
  ];
  const idx = [...plainIdx, ...plainIdx.map((bytes) => new Uint8Array(gzipSync(bytes)))];
  return { safetensors, idx, onnx: onnxSeedModels() };
}

let cached: ReturnType<typeof seeds> | undefined;

/** Case `index` of `format`, the same on every run for the same `seed`. */
export function fuzzCase(format: FuzzFormat, index: number, seed: number): FuzzCase {
  cached ??= seeds();
  const random = new FuzzRandom(seed, nameSeed(format), index);
  if (format === 'csv' || format === 'config') {
    const texts = format === 'csv' ? CSV_SEEDS : CONFIG_SEEDS;
    const which = random.int(texts.length);
    const { value, applied } = mutateWith(texts[which], TEXT_MUTATIONS, random);
    return { format, index, data: value, seed: which, mutations: applied };
  }
  if (format === 'onnx') return onnxCase(index, random);
  const files = cached[format];
  const which = random.int(files.length);
  const { value, applied } = mutateWith(files[which], BYTE_MUTATIONS, random);
  return { format, index, data: value, seed: which, mutations: applied };
}

/** Half the ONNX cases change the decoded graph (then encode it), half mutate the encoded bytes. */
function onnxCase(index: number, random: FuzzRandom): FuzzCase {
  const models = cached!.onnx;
  const which = random.int(models.length);
  const model = structuredClone(models[which]);
  const mutations: string[] = [];
  if (random.next() < 0.5) {
    const { applied } = mutateWith(
      model,
      Object.fromEntries(
        Object.entries(ONNX_MUTATIONS).map(([name, mutate]) => [
          name,
          (m: typeof model, r: FuzzRandom) => (mutate(m, r), m),
        ]),
      ),
      random,
    );
    mutations.push(...applied);
  }
  let bytes: Uint8Array;
  try {
    bytes = writeOnnxModel(model);
  } catch {
    // A mutation the writer refuses (e.g. values that no longer fit their dims): mutate bytes instead.
    bytes = writeOnnxModel(models[which]);
    mutations.length = 0;
  }
  if (mutations.length === 0 || random.next() < 0.3) {
    const { value, applied } = mutateWith(bytes, BYTE_MUTATIONS, random);
    bytes = value;
    mutations.push(...applied);
  }
  return { format: 'onnx', index, data: bytes, seed: which, mutations };
}
