import '@nagare/autograd';
import { mul, sum, type Tensor, tidy } from '@nagare/tensor';
import { describe } from 'vitest';
import { ACTIVATIONS } from './activations';
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

interface ActivationCase {
  op: string;
  options: Record<string, number | string | number[]>;
  x: TensorEntry;
  y: TensorEntry;
  dx: TensorEntry;
  cotangent: TensorEntry | null;
  deliberateDifference?: DeliberateDifference;
}

const fixtures = loadFixtures<ActivationCase>('activations');

function run(c: ActivationCase, check: (x: Tensor, y: Tensor) => void): void {
  const fn = ACTIVATIONS[c.op];
  if (!fn) throw new Error(`no nagare function is mapped to the fixture op "${c.op}"`);
  tidy(() => {
    const x = toTensor(c.x, { requiresGrad: true });
    check(x, fn(x, c.options));
  });
}

// Elementwise cases cover a grid through every kink, so the derivative checks each kink's convention.
describe(`activations against PyTorch ${fixtures.torch} on ${precision().backend} (${precision().dtype})`, () => {
  for (const c of fixtures.cases) {
    const name = `${c.op} (${describeOptions(c.options)})`;
    testPart(name, 'value', c.deliberateDifference, () => run(c, (_, y) => expectMatches(y, c.y, 'value')));
    testPart(name, 'derivative', c.deliberateDifference, () =>
      run(c, (x, y) => {
        sum(c.cotangent ? mul(y, toTensor(c.cotangent)) : y).backward();
        expectMatches(x.grad, c.dx, 'derivative');
      }),
    );
  }
});
