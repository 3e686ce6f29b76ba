import { noGrad } from '@nagare/autograd';
import type { Dataset } from '@nagare/data';
import { lenet5 } from '@nagare/layers/models';
import { Adam } from '@nagare/optimizers';
import { conv2d, type Tensor, tanh, tidy } from '@nagare/tensor';
import type { GridImage } from '../../report/image-grid';
import type { ExperimentContext } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import { convnetDemo, convSteps, nagareConv, outputSize, paddedInput } from './conv-demo';
import type { ConvVisualizerParams } from './conv-visualizer';

const KERNEL = 5;

/** LeNet-5's first-layer filters `[6][25]` and biases, read from its `c1` convolution. */
function firstLayer(model: ReturnType<typeof lenet5>): { weight: Tensor; bias: Tensor } {
  const parameters = Object.fromEntries(model.namedParameters());
  return { weight: parameters['c1.weight'], bias: parameters['c1.bias'] };
}

function filterImages(weight: Tensor): GridImage[] {
  const values = weight.dataSync();
  const size = KERNEL * KERNEL;
  return Array.from({ length: weight.shape[0] }, (_, f) => ({
    width: KERNEL,
    height: KERNEL,
    pixels: values.slice(f * size, (f + 1) * size),
    label: `filter ${f + 1}`,
  }));
}

// The six feature maps C1 makes of one digit, after the tanh that follows it.
function featureMaps(model: ReturnType<typeof lenet5>, digit: Tensor): GridImage[] {
  const { weight, bias } = firstLayer(model);
  const maps = noGrad(() => tidy(() => tanh(conv2d(digit, weight, { bias, padding: 2 })).dataSync()));
  const plane = 28 * 28;
  return Array.from({ length: weight.shape[0] }, (_, f) => ({
    width: 28,
    height: 28,
    pixels: maps.slice(f * plane, (f + 1) * plane),
    label: `map ${f + 1}`,
  }));
}

function firstDigit(data: Dataset<Tensor[]>): { digit: Tensor; image: GridImage } {
  const [x, y] = data.get(0);
  const label = y.dataSync()[0];
  y.dispose();
  const digit = x.reshape([1, 1, 28, 28]);
  const image = { width: 28, height: 28, pixels: x.dataSync().slice(), label: `digit ${label}` };
  x.dispose();
  return { digit, image };
}

/** Step 1: the demo's convolution worked out by hand, step by step, and checked against `conv2d`. */
export async function workDemo(context: ExperimentContext<ConvVisualizerParams>) {
  const demo = convnetDemo(context.seed);
  const steps = convSteps(demo);
  const computed = nagareConv(demo);
  const mismatches = steps.filter((s) => computed[s.filter][s.row][s.column] !== s.value).length;
  const volumes = {
    input: paddedInput(demo),
    padding: demo.padding,
    filters: demo.filters,
    biases: demo.biases,
    output: computed,
  };
  for (const step of steps) {
    await context.record({
      run: 'convnet demo',
      ...step,
      channel_sums: step.channelSums,
      conv2d: computed[step.filter][step.row][step.column],
    });
  }
  return { demo, steps, mismatches, volumes, size: outputSize(demo) };
}

/** What LeNet-5's first layer looked like before and after training, and what it makes of a digit. */
export interface LenetFilters {
  run: ClassifierRun;
  initialFilters: GridImage[];
  learnedFilters: GridImage[];
  image: GridImage;
  maps: GridImage[];
}

/** Step 2: train LeNet-5 on the digits, keeping its first-layer filters before and after. */
export async function trainLenetFilters(
  context: ExperimentContext<ConvVisualizerParams>,
): Promise<LenetFilters> {
  const p = context.params;
  const { train, test } = await mnistSubsets({ train: p.mnistTrain, test: p.mnistTest });
  const model = lenet5({ seed: context.seed });
  const initialFilters = filterImages(firstLayer(model).weight);
  const optimizer = new Adam(model.parameters(), { lr: p.lr });
  const run = await trainClassifier(context, {
    name: 'LeNet-5',
    model,
    optimizer,
    train,
    test,
    epochs: p.epochs,
    batchSize: p.batchSize,
    seed: context.seed,
  });
  const learnedFilters = filterImages(firstLayer(model).weight);
  const { digit, image } = firstDigit(test);
  const maps = featureMaps(model, digit);
  digit.dispose();
  optimizer.dispose();
  model.dispose();
  return { run, initialFilters, learnedFilters, image, maps };
}
