// Reading the committed fixtures and comparing nagare's results with them.
import { readFileSync } from 'node:fs';
import { getBackend, type Tensor, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { test } from 'vitest';

/** A tensor as the generator writes it: shape and row-major values (float64 unless `dtype`). */
export interface TensorEntry {
  shape: number[];
  data: number[];
  dtype?: 'int32';
}

/** One fixture file: the torch version that wrote it and its cases. */
export interface FixtureFile<Case> {
  generator: string;
  torch: string;
  cases: Case[];
}

/** The cases of `fixtures/<name>.json`. */
export function loadFixtures<Case>(name: string): FixtureFile<Case> {
  const url = new URL(`../fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as FixtureFile<Case>;
}

/**
 * The float dtype and tolerance of the backend under test. js computes in float64, so nagare must
 * agree with PyTorch's float64 to rounding; wasm computes in float32 only, so the fixtures' float64
 * inputs are rounded to float32 and results are compared at float32 precision.
 */
export function precision(): { dtype: 'float32' | 'float64'; rtol: number; atol: number; backend: string } {
  const backend = getBackend().name;
  return backend === 'wasm'
    ? { dtype: 'float32', rtol: 2e-4, atol: 2e-5, backend }
    : { dtype: 'float64', rtol: 1e-9, atol: 1e-11, backend };
}

/** A nagare tensor of a fixture entry, in the backend's float dtype (int32 entries stay int32). */
export function toTensor(entry: TensorEntry, options: { requiresGrad?: boolean } = {}): Tensor {
  const dtype = entry.dtype ?? precision().dtype;
  const t = tensor(Float64Array.from(entry.data), { dtype }).reshape(entry.shape);
  return options.requiresGrad ? t.requiresGrad_() : t;
}

/** Asserts `actual` matches a fixture entry in shape and, within `scale`× the backend's tolerance, in value. */
export function expectMatches(actual: Tensor | null, expected: TensorEntry, what: string, scale = 1): void {
  if (!actual) throw new Error(`${what}: nagare produced no tensor (expected shape [${expected.shape}])`);
  if (actual.shape.join(',') !== expected.shape.join(','))
    throw new Error(`${what}: shape [${actual.shape}] differs from PyTorch's [${expected.shape}]`);
  const { rtol, atol } = precision();
  try {
    expectAllClose(actual.dataSync() as ArrayLike<number>, expected.data, {
      rtol: rtol * scale,
      atol: atol * scale,
    });
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`);
  }
}

/** A short label of a case's options, e.g. `alpha=2, reduction=sum`. */
export function describeOptions(options: Record<string, unknown>): string {
  const parts = Object.entries(options).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return parts.length > 0 ? parts.join(', ') : 'defaults';
}

/** A part of a case nagare computes differently on purpose, with the reason (in the fixture). */
export interface DeliberateDifference {
  parts: string[];
  reason: string;
}

/**
 * Runs `body` as the test `name`, unless the case marks `part` as a deliberate difference: then
 * the test is skipped with the reason in its name and printed, so no difference is ever silent.
 */
export function testPart(
  name: string,
  part: string,
  difference: DeliberateDifference | undefined,
  body: () => void,
): void {
  if (difference?.parts.includes(part)) {
    const label = `${name}: ${part} skipped, deliberate difference: ${difference.reason}`;
    console.info(`[pytorch-reference] ${label}`);
    test.skip(label, body);
    return;
  }
  test(`${name}: ${part}`, body);
}
