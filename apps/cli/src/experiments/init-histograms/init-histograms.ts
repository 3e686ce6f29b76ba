import { chartRow } from '../../report/experiment-report';
import { imageGrid } from '../../report/image-grid';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { formatNumber, percent } from '../../util/format';
import { defineExperiment, type JsonValue } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { deepActivations, HISTOGRAM_ACTIVATIONS, layerStats, WEIGHT_INITS } from './deep-activations';
import { type DeepCase, histogramGrid, statsTable, stdChart } from './histogram-figures';
import { type SymmetryRun, symmetryRun } from './symmetry-run';

/** Parameters of the init-histograms experiment. */
export interface InitHistogramsParams {
  /** Random inputs fed through the deep net, units per layer, layers, histogram bins. */
  samples: number;
  units: number;
  layers: number;
  bins: number;
  /** The zero-init symmetry demonstration: MNIST sizes, sigmoid MLP hidden sizes, training. */
  symmetryTrain: number;
  symmetryTest: number;
  symmetryHidden: number[];
  symmetryEpochs: number;
  symmetryLr: number;
  measureEvery: number;
}

const BASE = { samples: 1000, units: 100, layers: 5, bins: 30, symmetryHidden: [50, 50], symmetryLr: 1e-3 };

function symmetrySections(runs: readonly SymmetryRun[]) {
  const distinctChart = lineChart({
    title: 'Distinct hidden units during training',
    xLabel: 'step',
    yLabel: 'distinct units',
    series: runs.flatMap((r) =>
      r.distinct.map((points, layer) => ({
        name: `${r.kind} init, layer ${layer + 1}`,
        points,
        isDashed: layer > 0,
      })),
    ),
  });
  const table = htmlTable({
    header: [
      'initialization',
      ...runs[0].distinct.map((_, i) => `distinct units, layer ${i + 1}`),
      'test accuracy',
    ],
    rows: runs.map((r) => [
      `${r.kind === 'zeros' ? 'all weights 0' : 'Xavier'}`,
      ...r.distinct.map((d) => d.at(-1)?.[1] ?? null),
      percent(r.run.testAccuracy),
    ]),
  });
  const grids = runs.map((r) =>
    imageGrid({
      title: `${r.kind} init: layer-1 units' weights`,
      colormap: 'diverging',
      columns: 4,
      scale: 2,
      images: r.firstLayerUnits.map((pixels, unit) => ({
        width: 28,
        height: 28,
        pixels,
        label: `unit ${unit + 1}`,
      })),
    }),
  );
  return [
    {
      title: 'Zero initialization: symmetry that training never breaks',
      html: `${table}${chartRow([distinctChart, ...grids])}`,
      caption:
        "A sigmoid MLP trained with Adam from all-zero weights and biases, and from Xavier weights. With zeros every unit of a layer computes the same output and gets the same gradient, so the units stay one: the layer has the capacity of a single unit. Each image shows one unit's incoming weights (blue positive, orange negative).",
    },
  ];
}

/**
 * Item 2 of the curriculum: activation histograms per layer of a 5-layer, 100-unit net fed random
 * input, for weights N(0, 1), N(0, 0.01²), Xavier and He with sigmoid, tanh and ReLU (the figure of
 * ゼロから作るDeep Learning, ch. 6); and zero-init symmetry: a net whose weights all start at 0
 * keeps every hidden unit identical while it trains.
 */
export const initHistograms = defineExperiment<InitHistogramsParams>({
  name: 'init-histograms',
  description: 'activation histograms of a 5-layer net per weight init × activation, and zero-init symmetry',
  sizes: {
    quick: { ...BASE, symmetryTrain: 2000, symmetryTest: 1000, symmetryEpochs: 1, measureEvery: 5 },
    default: { ...BASE, symmetryTrain: 20000, symmetryTest: 10000, symmetryEpochs: 3, measureEvery: 25 },
    full: { ...BASE, symmetryTrain: 60000, symmetryTest: 10000, symmetryEpochs: 10, measureEvery: 100 },
  },
  async run(context) {
    const p = context.params;
    const cases: DeepCase[] = [];
    for (const activation of HISTOGRAM_ACTIVATIONS) {
      for (const init of WEIGHT_INITS) {
        const layers = deepActivations(init, activation, { ...p, seed: context.seed });
        const stats = layers.map((values) => layerStats(values, activation));
        cases.push({ init, activation, layers, stats });
        for (const [index, s] of stats.entries()) {
          await context.record({ part: 'histograms', activation, init, layer: index + 1, ...s });
        }
      }
    }
    const data = await mnistSubsets({ train: p.symmetryTrain, test: p.symmetryTest });
    const symmetry: SymmetryRun[] = [];
    for (const kind of ['zeros', 'xavier'] as const) {
      symmetry.push(
        await symmetryRun(context, kind, {
          data,
          hidden: p.symmetryHidden,
          epochs: p.symmetryEpochs,
          lr: p.symmetryLr,
          batchSize: 100,
          measureEvery: p.measureEvery,
          count: 8,
        }),
      );
    }
    const last = (init: string, activation: string) =>
      cases.find((c) => c.init === init && c.activation === activation)?.stats.at(-1);
    const [zero, xavier] = symmetry;
    const finalDistinct = (r: SymmetryRun) => r.distinct.map((d) => d.at(-1)?.[1] ?? 0);
    const steps = zero.distinct[0].at(-1)?.[0] ?? 0;
    const headline = `In a ${p.layers}-layer, ${p.units}-unit sigmoid net fed ${p.samples.toLocaleString('en-US')} random inputs, N(0, 1) weights saturate ${percent(last('normal 1', 'sigmoid')?.saturated)} of the layer-${p.layers} activations, N(0, 0.01²) squeezes their std to ${formatNumber(last('normal 0.01', 'sigmoid')?.std)} and Xavier keeps it at ${formatNumber(last('xavier', 'sigmoid')?.std)} (ReLU: He ${formatNumber(last('he', 'relu')?.std)} vs N(0, 0.01²) ${formatNumber(last('normal 0.01', 'relu')?.std)}); with every weight starting at 0, the hidden layers' ${p.symmetryHidden.join(' and ')} units stayed ${finalDistinct(zero).every((n) => n === 1) ? 'identical (1 distinct unit per layer)' : `${finalDistinct(zero).join(' and ')} distinct units`} after ${steps} training steps (Xavier: ${finalDistinct(xavier).join(' and ')} distinct), reaching ${percent(zero.run.testAccuracy)} test accuracy vs ${percent(xavier.run.testAccuracy)}.`;
    const summary: Record<string, JsonValue> = {
      last_layer_std: Object.fromEntries(
        cases.map((c) => [`${c.activation}/${c.init}`, c.stats.at(-1)?.std ?? null]),
      ),
      last_layer_saturated: Object.fromEntries(
        cases.map((c) => [`${c.activation}/${c.init}`, c.stats.at(-1)?.saturated ?? null]),
      ),
      distinct_units: { zeros: finalDistinct(zero), xavier: finalDistinct(xavier) },
      test_acc: { zeros: zero.run.testAccuracy, xavier: xavier.run.testAccuracy },
    };
    return {
      headline,
      sections: [
        ...HISTOGRAM_ACTIVATIONS.map((activation) => ({
          title: `Activation histograms: ${activation}`,
          html: histogramGrid(activation, cases, p.bins),
          caption: `Each row: the ${p.samples.toLocaleString('en-US')} × ${p.units} activations of layers 1 to ${p.layers} for one weight initialization (no biases, the same random input). Below each histogram: the standard deviation of its values.`,
        })),
        {
          title: 'Spread of the activations per layer',
          html: `${chartRow(HISTOGRAM_ACTIVATIONS.map((a) => stdChart(a, cases)))}${statsTable(cases, p.layers)}`,
          caption:
            'Too large weights push sigmoid and tanh into their flat ends (saturated: gradients vanish); too small ones shrink the spread layer by layer until every unit outputs nearly the same value. Xavier (for sigmoid and tanh) and He (for ReLU) keep the spread roughly constant through the layers.',
        },
        ...symmetrySections(symmetry),
      ],
      summary,
    };
  },
});
