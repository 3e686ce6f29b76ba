import { chartRow } from '../../report/experiment-report';
import { imageGrid } from '../../report/image-grid';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { formatNumber, percent } from '../../util/format';
import type { ExperimentResult, JsonValue, Verdict } from '../experiment';
import { HISTOGRAM_ACTIVATIONS } from './deep-activations';
import { type DeepCase, histogramGrid, statsTable, stdChart } from './histogram-figures';
import type { InitHistogramsParams } from './init-histograms';
import type { SymmetryRun } from './symmetry-run';

const lastLayer = (cases: readonly DeepCase[], init: string, activation: string) =>
  cases.find((c) => c.init === init && c.activation === activation)?.stats.at(-1);
const finalDistinct = (r: SymmetryRun) => r.distinct.map((d) => d.at(-1)?.[1] ?? 0);

/** Whether zero init kept its units identical, in words chosen by the count. */
export function symmetryCaption(zero: SymmetryRun): string {
  const distinct = finalDistinct(zero);
  return distinct.every((n) => n === 1)
    ? 'Here the units stayed one (1 distinct unit per layer to the end): the layer had the capacity of a single unit.'
    : `Here the symmetry broke: ${distinct.join(' and ')} distinct units at the end.`;
}

/** What the spread of the sigmoid activations shows, in words chosen by the last layer's numbers. */
export function spreadCaption(cases: readonly DeepCase[]): string {
  const [large, small, xavier] = ['normal 1', 'normal 0.01', 'xavier'].map((init) =>
    lastLayer(cases, init, 'sigmoid'),
  );
  const saturates = (large?.saturated ?? 0) > (xavier?.saturated ?? 0);
  const shrinks = (small?.std ?? Number.NaN) < (xavier?.std ?? Number.NaN) / 2;
  return `Too large weights push sigmoid and tanh toward their flat ends (saturated: gradients vanish); too small ones shrink the spread layer by layer. In the last sigmoid layer here, N(0, 1) ${saturates ? 'saturated more' : 'did not saturate more'} than Xavier (${percent(large?.saturated)} against ${percent(xavier?.saturated)}) and N(0, 0.01²) ${shrinks ? 'shrank the spread to' : 'kept a spread of'} ${formatNumber(small?.std)} against Xavier's ${formatNumber(xavier?.std)}.`;
}

/**
 * The book's figures against the run: it agrees when, in the last sigmoid layer, N(0, 1) saturates
 * more than Xavier and N(0, 0.01²) has less than half Xavier's spread, and zero init keeps one
 * distinct unit per layer.
 */
export function judgeInit(cases: readonly DeepCase[], zero: SymmetryRun): Verdict {
  const [large, small, xavier] = ['normal 1', 'normal 0.01', 'xavier'].map((init) =>
    lastLayer(cases, init, 'sigmoid'),
  );
  const distinct = finalDistinct(zero);
  return {
    measured: `last sigmoid layer: saturated N(0, 1) ${percent(large?.saturated)}, Xavier ${percent(xavier?.saturated)}; std N(0, 0.01²) ${formatNumber(small?.std)}, Xavier ${formatNumber(xavier?.std)}; zero init: ${distinct.join(' and ')} distinct units`,
    isAgreeing:
      (large?.saturated ?? 0) > (xavier?.saturated ?? 0) &&
      (small?.std ?? Number.NaN) < (xavier?.std ?? Number.NaN) / 2 &&
      distinct.every((n) => n === 1),
    criterion:
      "agrees when N(0, 1) saturates more of the last sigmoid layer than Xavier, N(0, 0.01²) leaves less than half Xavier's spread, and zero init ends with 1 distinct unit per layer",
  };
}

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
      caption: `A sigmoid MLP trained with Adam from all-zero weights and biases, and from Xavier weights. With zeros every unit of a layer computes the same output and gets the same gradient. ${symmetryCaption(runs[0])} Each image shows one unit's incoming weights (blue positive, orange negative).`,
    },
  ];
}

/** Step 3: the report — histograms, the spread per layer, zero-init symmetry. */
export function reportInit(
  p: InitHistogramsParams,
  cases: readonly DeepCase[],
  symmetry: readonly SymmetryRun[],
): ExperimentResult {
  const last = (init: string, activation: string) =>
    cases.find((c) => c.init === init && c.activation === activation)?.stats.at(-1);
  const [zero, xavier] = symmetry;
  const steps = zero.distinct[0].at(-1)?.[0] ?? 0;
  const headline = `In a ${p.layers}-layer, ${p.units}-unit sigmoid net fed ${p.samples.toLocaleString('en-US')} random inputs, N(0, 1) weights saturate ${percent(last('normal 1', 'sigmoid')?.saturated)} of the layer-${p.layers} activations, N(0, 0.01²) leaves them a std of ${formatNumber(last('normal 0.01', 'sigmoid')?.std)} and Xavier one of ${formatNumber(last('xavier', 'sigmoid')?.std)} (ReLU: He ${formatNumber(last('he', 'relu')?.std)} vs N(0, 0.01²) ${formatNumber(last('normal 0.01', 'relu')?.std)}); with every weight starting at 0, the hidden layers' ${p.symmetryHidden.join(' and ')} units stayed ${finalDistinct(zero).every((n) => n === 1) ? 'identical (1 distinct unit per layer)' : `${finalDistinct(zero).join(' and ')} distinct units`} after ${steps} training steps (Xavier: ${finalDistinct(xavier).join(' and ')} distinct), reaching ${percent(zero.run.testAccuracy)} test accuracy vs ${percent(xavier.run.testAccuracy)}.`;
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
        caption: spreadCaption(cases),
      },
      ...symmetrySections(symmetry),
    ],
    summary,
    verdict: judgeInit(cases, symmetry[0]),
  };
}
