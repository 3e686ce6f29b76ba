import { SGD } from '@nagare/optimizers';
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { PALETTE } from '../../report/svg';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import { budgetMlp, mlpParameterCount, widthForBudget } from './budget-mlp';

/** Parameters of the depth-width experiment. */
export interface DepthWidthParams {
  trainSamples: number;
  testSamples: number;
  /** Parameters of every network; each depth gets the width that fits it. */
  budget: number;
  /** Numbers of hidden layers to compare. */
  depths: number[];
  epochs: number;
  batchSize: number;
  /** SGD learning rate (momentum 0.9). */
  lr: number;
}

interface DepthResult {
  depth: number;
  width: number;
  parameters: number;
  plain: ClassifierRun;
  residual: ClassifierRun;
}

const INPUTS = 784;
const CLASSES = 10;

function charts(results: readonly DepthResult[]): string {
  const byDepth = (pick: (r: DepthResult) => ClassifierRun) =>
    results.map((r) => [Math.log2(r.depth), pick(r).testAccuracy] as const);
  const byWidth = (pick: (r: DepthResult) => ClassifierRun) =>
    results.map((r) => [r.width, pick(r).testAccuracy] as const);
  const accuracy = {
    yLabel: 'test accuracy',
    formatY: percent,
    yDomain: [0, 1] as const,
    legend: 'inside-bottom' as const,
  };
  return chartRow([
    lineChart({
      ...accuracy,
      title: 'Test accuracy vs depth (fixed budget)',
      xLabel: 'hidden layers',
      // Depths double, so the axis is log2(depth) labelled with the depth itself.
      formatX: (x) => String(2 ** x),
      series: [
        { name: 'plain', points: byDepth((r) => r.plain) },
        { name: 'residual', points: byDepth((r) => r.residual), isDashed: true },
      ],
    }),
    lineChart({
      ...accuracy,
      title: 'Test accuracy vs width (fixed budget)',
      xLabel: 'units per hidden layer',
      series: [
        { name: 'plain', points: byWidth((r) => r.plain) },
        { name: 'residual', points: byWidth((r) => r.residual), isDashed: true },
      ],
    }),
  ]);
}

function lossCurves(results: readonly DepthResult[]): string {
  const curve = (run: ClassifierRun) => run.epochs.map((e) => [e.epoch, e.train_loss] as const);
  return lineChart({
    title: 'Training loss per epoch',
    xLabel: 'epoch',
    yLabel: 'cross-entropy loss',
    yScale: 'log',
    series: results.flatMap((r, index) => [
      { name: `plain, depth ${r.depth}`, points: curve(r.plain), color: PALETTE[index % PALETTE.length] },
      {
        name: `residual, depth ${r.depth}`,
        points: curve(r.residual),
        color: PALETTE[index % PALETTE.length],
        isDashed: true,
      },
    ]),
    legend: 'right',
  });
}

function table(results: readonly DepthResult[]): string {
  return htmlTable({
    header: [
      'hidden layers',
      'width',
      'parameters',
      'plain: test acc',
      'residual: test acc',
      'plain: train loss',
      'residual: train loss',
    ],
    rows: results.map((r) => [
      r.depth,
      r.width,
      r.parameters,
      r.plain.testAccuracy,
      r.residual.testAccuracy,
      r.plain.epochs.at(-1)?.train_loss ?? null,
      r.residual.epochs.at(-1)?.train_loss ?? null,
    ]),
    formats: { 3: percent, 4: percent },
  });
}

/**
 * Depth vs width at a fixed parameter budget, plain vs residual: MLPs on MNIST with 1…32 hidden
 * layers, each as wide as the budget allows. Deep plain nets train worse; residual ones do not.
 */
export const depthWidth = defineExperiment<DepthWidthParams>({
  name: 'depth-width',
  description: 'MNIST MLPs of one parameter budget from 1 to 32 layers deep, plain vs residual',
  sizes: {
    quick: {
      trainSamples: 5000,
      testSamples: 2000,
      budget: 50_000,
      depths: [1, 4, 16],
      epochs: 3,
      batchSize: 64,
      lr: 0.02,
    },
    default: {
      trainSamples: 20_000,
      testSamples: 10_000,
      budget: 100_000,
      depths: [1, 2, 4, 8, 16, 32],
      epochs: 5,
      batchSize: 64,
      lr: 0.02,
    },
    full: {
      trainSamples: 60_000,
      testSamples: 10_000,
      budget: 100_000,
      depths: [1, 2, 4, 8, 16, 32, 64],
      epochs: 10,
      batchSize: 64,
      lr: 0.02,
    },
  },
  async run(context) {
    const p = context.params;
    const { train, test } = await mnistSubsets({ train: p.trainSamples, test: p.testSamples });
    const results: DepthResult[] = [];
    for (const depth of p.depths) {
      const width = widthForBudget(p.budget, depth, INPUTS, CLASSES);
      const runs = [];
      for (const isResidual of [false, true]) {
        const model = budgetMlp({
          inputs: INPUTS,
          width,
          hidden: depth,
          classes: CLASSES,
          isResidual,
          seed: context.seed,
        });
        const optimizer = new SGD(model.parameters(), { lr: p.lr, momentum: 0.9 });
        runs.push(
          await trainClassifier(context, {
            name: `${isResidual ? 'residual' : 'plain'} ${depth}×${width}`,
            model,
            optimizer,
            train,
            test,
            epochs: p.epochs,
            batchSize: p.batchSize,
            seed: context.seed,
            tags: { depth, width, residual: isResidual },
          }),
        );
        optimizer.dispose();
        model.dispose();
      }
      const parameters = mlpParameterCount(INPUTS, width, depth, CLASSES);
      results.push({ depth, width, parameters, plain: runs[0], residual: runs[1] });
    }
    const shallowest = results[0];
    const deepest = results.at(-1) ?? shallowest;
    const bestPlain = results.reduce((best, r) =>
      r.plain.testAccuracy > best.plain.testAccuracy ? r : best,
    );
    return {
      headline:
        `With a budget of ${p.budget.toLocaleString('en-US')} parameters on ${p.trainSamples.toLocaleString('en-US')} MNIST digits (${p.epochs} epochs of SGD), ` +
        `plain ReLU nets reach ${percent(bestPlain.plain.testAccuracy)} test accuracy at depth ${bestPlain.depth} but only ${percent(deepest.plain.testAccuracy)} at depth ${deepest.depth}, ` +
        `while residual nets keep ${percent(deepest.residual.testAccuracy)} at depth ${deepest.depth} (${percent(shallowest.residual.testAccuracy)} at depth ${shallowest.depth}).`,
      sections: [
        {
          title: 'Accuracy at a fixed parameter budget',
          html: charts(results),
          caption: `Every net has about ${p.budget.toLocaleString('en-US')} parameters: the deeper it is, the narrower its layers. Plain and residual nets of one depth have exactly the same layers and parameters; the residual one adds identity shortcuts.`,
        },
        {
          title: 'Training loss',
          html: lossCurves(results),
          caption:
            'Deep plain nets barely reduce the training loss: the problem is optimization, not overfitting. Residual nets of every depth train like the shallow ones.',
        },
        { title: 'All nets', html: table(results) },
      ],
      summary: {
        depths: results.map((r) => r.depth),
        widths: results.map((r) => r.width),
        plain_test_acc: results.map((r) => r.plain.testAccuracy),
        residual_test_acc: results.map((r) => r.residual.testAccuracy),
      },
    };
  },
});
