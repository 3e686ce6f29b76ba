import '@nagare/autograd';
import { add, mul, sum, type Tensor, tidy } from '@nagare/tensor';
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
import { type AnyLayer, callLayer, flattenOutputs, LAYERS } from './layers';

interface LayerCase {
  layer: string;
  args: unknown[];
  options: Record<string, unknown>;
  train: boolean;
  stateDict: Record<string, TensorEntry>;
  inputs: TensorEntry[];
  outputs: TensorEntry[];
  cotangents: TensorEntry[];
  inputGrads: TensorEntry[];
  paramGrads: Record<string, TensorEntry>;
  buffersAfter: Record<string, TensorEntry>;
  deliberateDifference?: DeliberateDifference;
}

const fixtures = loadFixtures<LayerCase>('layers');

interface Run {
  layer: AnyLayer;
  inputs: Tensor[];
  outputs: Tensor[];
}

/** Builds the layer, loads PyTorch's state dict (strict), and runs it on the case's inputs. */
function run(c: LayerCase, check: (run: Run) => void): void {
  const build = LAYERS[c.layer];
  if (!build) throw new Error(`no nagare layer is mapped to the fixture layer "${c.layer}"`);
  tidy(() => {
    const layer = build(c.args, c.options, precision().dtype);
    const state = Object.fromEntries(Object.entries(c.stateDict).map(([k, v]) => [k, toTensor(v)]));
    layer.loadStateDict(state);
    layer.train(c.train);
    // Float inputs take a gradient, as in the fixture; int32 inputs (Embedding's indices) do not.
    const inputs = c.inputs.map((entry) => toTensor(entry, { requiresGrad: entry.dtype !== 'int32' }));
    check({ layer, inputs, outputs: flattenOutputs(callLayer(c.layer, layer, inputs)) });
    layer.dispose();
  });
}

describe(`layers against PyTorch ${fixtures.torch} on ${precision().backend} (${precision().dtype})`, () => {
  for (const c of fixtures.cases) {
    const name = `${c.layer}(${c.args.map((a) => JSON.stringify(a)).join(', ')}) ${c.train ? 'train' : 'eval'} (${describeOptions(c.options)})`;
    testPart(name, 'outputs', c.deliberateDifference, () =>
      run(c, ({ outputs }) => {
        if (outputs.length !== c.outputs.length)
          throw new Error(`nagare returned ${outputs.length} tensors, PyTorch ${c.outputs.length}`);
        for (const [i, output] of outputs.entries()) expectMatches(output, c.outputs[i], `output ${i}`);
      }),
    );
    testPart(name, 'gradients', c.deliberateDifference, () =>
      run(c, ({ layer, inputs, outputs }) => {
        const terms = outputs.map((output, i) => sum(mul(output, toTensor(c.cotangents[i]))));
        terms.reduce((total, term) => add(total, term)).backward();
        const differentiable = inputs.filter((input) => input.requiresGrad);
        for (const [i, input] of differentiable.entries()) {
          expectMatches(input.grad, c.inputGrads[i], `gradient of input ${i}`);
        }
        const params = new Map(layer.namedParameters());
        for (const [paramName, expected] of Object.entries(c.paramGrads)) {
          expectMatches(params.get(paramName)?.grad ?? null, expected, `gradient of ${paramName}`);
        }
      }),
    );
    if (Object.keys(c.buffersAfter).length > 0) {
      testPart(name, 'buffers after the call', c.deliberateDifference, () =>
        run(c, ({ layer }) => {
          const state = layer.stateDict();
          for (const [bufferName, expected] of Object.entries(c.buffersAfter)) {
            expectMatches(state[bufferName] ?? null, expected, `buffer ${bufferName}`);
          }
        }),
      );
    }
  }
});
