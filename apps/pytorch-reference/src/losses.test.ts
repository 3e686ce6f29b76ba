import '@nagare/autograd';
import { mul, sum, type Tensor, tidy } from '@nagare/tensor';
import { describe } from 'vitest';
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
import { LOSSES } from './losses';

interface LossCase {
  op: string;
  options: Record<string, unknown>;
  optionTensors: Record<string, TensorEntry>;
  inputs: (TensorEntry & { name: string })[];
  output: TensorEntry;
  cotangent: TensorEntry;
  grads: Record<string, TensorEntry>;
  deliberateDifference?: DeliberateDifference;
}

const fixtures = loadFixtures<LossCase>('losses');

function run(c: LossCase, check: (inputs: Map<string, Tensor>, output: Tensor) => void): void {
  const loss = LOSSES[c.op];
  if (!loss) throw new Error(`no nagare loss is mapped to the fixture op "${c.op}"`);
  tidy(() => {
    const inputs = new Map(
      c.inputs.map((entry) => [entry.name, toTensor(entry, { requiresGrad: entry.name in c.grads })]),
    );
    const tensors = Object.fromEntries(Object.entries(c.optionTensors).map(([k, v]) => [k, toTensor(v)]));
    check(inputs, loss([...inputs.values()], { ...c.options, ...tensors }));
  });
}

describe(`losses against PyTorch ${fixtures.torch} on ${precision().backend} (${precision().dtype})`, () => {
  for (const c of fixtures.cases) {
    const tensorNames = Object.keys(c.optionTensors);
    const name = `${c.op} (${describeOptions(c.options)}${tensorNames.length ? `, with ${tensorNames.join(', ')}` : ''})`;
    testPart(name, 'value', c.deliberateDifference, () =>
      run(c, (_, output) => expectMatches(output, c.output, 'value')),
    );
    testPart(name, 'gradients', c.deliberateDifference, () =>
      run(c, (inputs, output) => {
        sum(mul(output, toTensor(c.cotangent))).backward();
        for (const [inputName, expected] of Object.entries(c.grads)) {
          expectMatches(inputs.get(inputName)?.grad ?? null, expected, `gradient of ${inputName}`);
        }
      }),
    );
  }
});
