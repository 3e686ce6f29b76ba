import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvDataset, readIdx } from '@nagare/data';
import { importOnnx, OnnxDataType, parseSafetensors } from '@nagare/io';
import { randn, type Tensor, tensor, tidy } from '@nagare/tensor';
import { resolveConfig } from '../config/resolve-config';
import type { FuzzCase, FuzzFormat } from './corpus';

/** Most elements of a fed input when a loaded ONNX graph is also run once. */
const MAX_RUN_INPUT = 4096;

const bytesOf = (data: Uint8Array | string) =>
  typeof data === 'string' ? new TextEncoder().encode(data) : data;
const textOf = (data: Uint8Array | string) =>
  typeof data === 'string' ? data : new TextDecoder().decode(data);

/** A zero or random tensor for a graph input with a small static shape, or null. */
function feedFor(info: { shape?: (number | string | null)[]; elemType?: number }): Tensor | null {
  const shape = info.shape;
  if (!shape?.every((d): d is number => typeof d === 'number' && d >= 0)) return null;
  if (shape.reduce((p, d) => p * d, 1) > MAX_RUN_INPUT) return null;
  if (info.elemType === OnnxDataType.FLOAT) return randn(shape, { seed: 1 });
  if (info.elemType === OnnxDataType.DOUBLE) return randn(shape, { seed: 1, dtype: 'float64' });
  const size = shape.reduce((p, d) => p * d, 1);
  const ints = new Int32Array(size).map((_, i) => i % 3);
  if (info.elemType === OnnxDataType.INT64 || info.elemType === OnnxDataType.INT32)
    return tensor(ints, { shape, dtype: 'int32' });
  return null;
}

/** Imports the model and, when every input has a small static shape, runs it once. */
function loadOnnx(data: Uint8Array): void {
  const imported = importOnnx(data, { source: 'fuzz.onnx' });
  try {
    tidy(() => {
      const feeds = imported.inputs.map(feedFor);
      if (feeds.every((feed): feed is Tensor => feed !== null)) imported.run(feeds);
    });
  } finally {
    imported.dispose();
  }
}

let configDir: string | undefined;

/** Writes the config text to a file and resolves it as `nagare train <file>` does. */
async function loadConfig(text: string): Promise<void> {
  configDir ??= mkdtempSync(join(tmpdir(), 'nagare-fuzz-'));
  const path = join(configDir, 'config.json');
  writeFileSync(path, text);
  await resolveConfig(path, {});
}

/** Removes the config target's temporary directory. */
export function cleanUpTargets(): void {
  if (configDir) rmSync(configDir, { recursive: true, force: true });
  configDir = undefined;
}

const CSV_TARGETS: Record<number, string> = { 0: 'kind', 1: 'y', 2: 'label' };

/** Loads one case with the library's own reader for its format; throws whatever the reader throws. */
export async function loadCase(fuzz: FuzzCase): Promise<void> {
  const loaders: Record<FuzzFormat, () => unknown> = {
    safetensors: () => {
      const { tensors } = parseSafetensors(bytesOf(fuzz.data), { source: 'fuzz.safetensors' });
      for (const t of Object.values(tensors)) t.dispose();
    },
    onnx: () => loadOnnx(bytesOf(fuzz.data)),
    idx: () => readIdx(bytesOf(fuzz.data), 'fuzz.idx'),
    csv: () => csvDataset(textOf(fuzz.data), { target: CSV_TARGETS[fuzz.seed], file: 'fuzz.csv' }),
    config: () => loadConfig(textOf(fuzz.data)),
  };
  await loaders[fuzz.format]();
}
