import { convArithmeticChart } from '../../report/conv-arithmetic-chart';
import { chartRow } from '../../report/experiment-report';
import { imageGrid } from '../../report/image-grid';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import type { ExperimentResult, Verdict } from '../experiment';
import type { LenetFilters, workDemo } from './conv-steps';
import type { ConvVisualizerParams } from './conv-visualizer';

/** The demo's numbers against nagare's: it agrees when `conv2d` reproduces every worked-out value. */
export function judgeDemo(values: number, mismatches: number): Verdict {
  return {
    measured: `${values - mismatches} of ${values} output values equal`,
    isAgreeing: mismatches === 0,
    criterion: "agrees when nagare's conv2d reproduces every value of the demo exactly",
  };
}

/** Step 3: the report — the whole convolution, each step, and LeNet-5's filters and feature maps. */
export function reportConv(
  p: ConvVisualizerParams,
  worked: Awaited<ReturnType<typeof workDemo>>,
  lenet: LenetFilters,
): ExperimentResult {
  const { demo, steps, mismatches, volumes, size } = worked;
  const { run, initialFilters, learnedFilters, image, maps } = lenet;
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
          'The six 5×5 weights of C1, blue positive and orange negative (each filter on its own scale): the random initial weights and what training on digits made of them (the feature maps below show where each one fires).',
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
    verdict: judgeDemo(steps.length, mismatches),
  };
}
