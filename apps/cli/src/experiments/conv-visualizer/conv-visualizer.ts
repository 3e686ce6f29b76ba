import { noGrad } from '@nagare/autograd';
import type { Dataset } from '@nagare/data';
import { lenet5 } from '@nagare/layers/models';
import { Adam } from '@nagare/optimizers';
import { conv2d, type Tensor, tanh, tidy } from '@nagare/tensor';
import { convArithmeticChart } from '../../report/conv-arithmetic-chart';
import { chartRow } from '../../report/experiment-report';
import { type GridImage, imageGrid } from '../../report/image-grid';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { trainClassifier } from '../support/train-classifier';
import { convnetDemo, convSteps, nagareConv, outputSize, paddedInput } from './conv-demo';

/** Parameters of the conv-visualizer experiment. */
export interface ConvVisualizerParams {
  /** MNIST digits LeNet-5 is trained on, and tested on. */
  mnistTrain: number;
  mnistTest: number;
  epochs: number;
  batchSize: number;
  lr: number;
}

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

/**
 * Convolution made visible: the CS231n / ConvNetJS demo's arithmetic (a 7×7×3 padded input, two
 * 3×3×3 filters, stride 2, a 3×3×2 output) step by step, checked against nagare's `conv2d`; then
 * the first-layer filters LeNet-5 learns on MNIST, as images, with the feature maps they make.
 */
export const convVisualizer = defineExperiment<ConvVisualizerParams>({
  name: 'conv-visualizer',
  description: 'the ConvNetJS convolution demo step by step; LeNet-5 first-layer filters as images',
  sizes: {
    quick: { mnistTrain: 3000, mnistTest: 1000, epochs: 2, batchSize: 32, lr: 2e-3 },
    default: { mnistTrain: 10_000, mnistTest: 5000, epochs: 4, batchSize: 32, lr: 2e-3 },
    full: { mnistTrain: 60_000, mnistTest: 10_000, epochs: 10, batchSize: 32, lr: 2e-3 },
  },
  async run(context) {
    const p = context.params;
    const demo = convnetDemo(context.seed);
    const steps = convSteps(demo);
    const computed = nagareConv(demo);
    const mismatches = steps.filter((s) => computed[s.filter][s.row][s.column] !== s.value).length;
    const size = outputSize(demo);
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

    const [channels, side] = [demo.input.length, demo.input[0].length];
    const k = demo.filters[0][0].length;
    return {
      headline:
        `nagare's conv2d reproduces ${steps.length - mismatches} of the ${steps.length} values worked out by hand for the ConvNetJS demo (a ${side}×${side}×${channels} input padded by ${demo.padding} to ${side + 2 * demo.padding}×${side + 2 * demo.padding}×${channels}, two ${k}×${k}×${channels} filters, stride ${demo.stride}, a ${size}×${size}×2 output), ` +
        `and LeNet-5 trained on ${p.mnistTrain.toLocaleString('en-US')} MNIST digits for ${p.epochs} epochs (${percent(run.testAccuracy)} test accuracy) shows its six 5×5 first-layer filters before and after training.`,
      sections: [
        {
          title: 'The whole convolution',
          html:
            convArithmeticChart(volumes, {
              title: 'Input volume (padded), filters w0 and w1 with biases, output volume',
            }) +
            htmlTable({
              header: ['', 'value'],
              rows: [
                ['input', `${side}×${side}×${channels}`],
                [
                  'padding',
                  `${demo.padding} (shaded zeros) → ${side + 2 * demo.padding}×${side + 2 * demo.padding}×${channels}`,
                ],
                ['filters', `2 of ${k}×${k}×${channels}, biases ${demo.biases.join(' and ')}`],
                ['stride', String(demo.stride)],
                [
                  'output side',
                  `(W − F + 2P) / S + 1 = (${side} − ${k} + 2·${demo.padding}) / ${demo.stride} + 1 = ${size}`,
                ],
                ['values that differ from conv2d', String(mismatches)],
              ],
            }),
          caption:
            'The numbers of the CS231n convolution demo (built on ConvNetJS): each output value is the sum, over the three input channels, of the window times the filter, plus the filter’s bias.',
        },
        {
          title: 'Step by step',
          html: chartRow(
            steps.map((step, index) =>
              convArithmeticChart(volumes, {
                title: `Step ${index + 1} of ${steps.length}`,
                focus: step,
                cell: 13,
              }),
            ),
          ),
          caption: `The window moves ${demo.stride} cells at a time over the padded input: ${size}×${size} positions for each of the 2 filters. Under each step: the sum of window × filter for each channel, plus the bias.`,
        },
        {
          title: 'LeNet-5: first-layer filters before and after training',
          html: chartRow([
            imageGrid({
              title: 'At initialization',
              images: initialFilters,
              colormap: 'diverging',
              scale: 12,
              columns: 6,
            }),
            imageGrid({
              title: `After ${p.epochs} epochs`,
              images: learnedFilters,
              colormap: 'diverging',
              scale: 12,
              columns: 6,
            }),
          ]),
          caption:
            'The six 5×5 weights of C1, blue positive and orange negative (each filter on its own scale): the random initial weights and what training on digits made of them, patterns that respond to strokes and edges (the feature maps below show where each one fires).',
        },
        {
          title: 'What the learned filters see',
          html: chartRow([
            imageGrid({ title: 'Input', images: [image], scale: 3 }),
            imageGrid({
              title: 'C1 feature maps (after tanh)',
              images: maps,
              scale: 3,
              columns: 6,
              colormap: 'diverging',
            }),
          ]),
        },
      ],
      summary: { demo_values: steps.length, demo_mismatches: mismatches, lenet_test_acc: run.testAccuracy },
    };
  },
});
