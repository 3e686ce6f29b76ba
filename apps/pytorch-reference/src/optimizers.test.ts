import '@nagare/autograd';
import { mseLoss } from '@nagare/layers';
import { add, matmul, type Tensor, transpose } from '@nagare/tensor';
import { describe, expect } from 'vitest';
import {
  type DeliberateDifference,
  describeOptions,
  expectMatches,
  loadFixtures,
  precision,
  type TensorEntry,
  testPart,
  toTensor,
} from './fixture';
import { CLIPPINGS, OPTIMIZERS, SCHEDULES } from './optimizers';

interface OptimizerCase {
  optimizer: string;
  options: Record<string, unknown>;
  schedule?: string;
  scheduleOptions?: Record<string, unknown>;
  clipping?: string;
  clippingOptions?: Record<string, unknown>;
  x: TensorEntry;
  y: TensorEntry;
  start: Record<string, TensorEntry>;
  losses: number[];
  lrs: number[];
  trajectory: Record<string, TensorEntry>[];
  deliberateDifference?: DeliberateDifference;
}

const fixtures = loadFixtures<OptimizerCase>('optimizers');

// Errors compound over the steps (and Adam-style updates divide by small roots): on float32 the
// later steps get a wider tolerance than a single op.
const STEP_TOLERANCE_SCALE = 20;

function runTrajectory(c: OptimizerCase): void {
  const x = toTensor(c.x);
  const y = toTensor(c.y);
  const weight = toTensor(c.start.weight, { requiresGrad: true });
  const bias = toTensor(c.start.bias, { requiresGrad: true });
  const lr = c.schedule ? SCHEDULES[c.schedule](c.scheduleOptions) : undefined;
  const optimizer = OPTIMIZERS[c.optimizer]([weight, bias], lr ? { ...c.options, lr } : c.options);
  const params: Record<string, Tensor> = { weight, bias };
  c.trajectory.forEach((expected, step) => {
    expect(optimizer.lr).toBeCloseTo(c.lrs[step], precision().dtype === 'float64' ? 12 : 6);
    optimizer.zeroGrad();
    const loss = mseLoss(add(matmul(x, transpose(weight)), bias), y);
    loss.backward();
    if (c.clipping) CLIPPINGS[c.clipping]([weight, bias], c.clippingOptions);
    optimizer.step();
    loss.dispose();
    for (const [name, entry] of Object.entries(expected)) {
      expectMatches(params[name], entry, `${name} after step ${step + 1}`, STEP_TOLERANCE_SCALE);
    }
  });
  for (const t of [x, y, weight, bias]) t.dispose();
}

describe(`optimizers and lr schedules against PyTorch ${fixtures.torch} on ${precision().backend} (${precision().dtype})`, () => {
  for (const c of fixtures.cases) {
    const schedule = c.schedule ? ` with ${c.schedule}(${describeOptions(c.scheduleOptions ?? {})})` : '';
    const clipping = c.clipping ? ` after ${c.clipping}(${describeOptions(c.clippingOptions ?? {})})` : '';
    const name = `${c.optimizer} (${describeOptions(c.options)})${schedule}${clipping}, ${c.trajectory.length} steps`;
    testPart(name, 'trajectory', c.deliberateDifference, () => runTrajectory(c));
  }
});
