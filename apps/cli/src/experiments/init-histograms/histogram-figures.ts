import { chartRow } from '../../report/experiment-report';
import { histogram, histogramChart } from '../../report/histogram-chart';
import { lineChart } from '../../report/line-chart';
import { escapeHtml } from '../../report/svg';
import { htmlTable } from '../../report/table';
import { formatNumber, percent } from '../../util/format';
import {
  HISTOGRAM_ACTIVATIONS,
  type HistogramActivation,
  INIT_LABELS,
  type LayerStats,
  WEIGHT_INITS,
  type WeightInit,
} from './deep-activations';

/** The activations of every layer of one (initialization, activation) pair, with their statistics. */
export interface DeepCase {
  init: WeightInit;
  activation: HistogramActivation;
  layers: Float32Array[];
  stats: LayerStats[];
}

// The lecture's histogram ranges: sigmoid and ReLU outputs over (0, 1), tanh over (−1, 1).
const RANGES: Record<HistogramActivation, [number, number]> = {
  sigmoid: [0, 1],
  tanh: [-1, 1],
  relu: [0, 1],
};

/**
 * One activation's small multiples: a row per initialization, a histogram per layer, the layers of
 * a row on the same axes so the change from layer to layer shows. ReLU's spike of exact zeros (half
 * the units or more) would dwarf the rest, so its y axis is capped at a tenth of the values.
 */
export function histogramGrid(
  activation: HistogramActivation,
  cases: readonly DeepCase[],
  bins: number,
): string {
  const [min, max] = RANGES[activation];
  return cases
    .filter((c) => c.activation === activation)
    .map((c) => {
      const histograms = c.layers.map((values) => histogram(values, { bins, min, max }));
      const tallest = Math.max(1, ...histograms.flatMap((h) => h.counts));
      const total = c.layers[0]?.length ?? 1;
      const yMax = activation === 'relu' ? Math.min(tallest, Math.ceil(total / 10)) : tallest;
      const charts = histograms.map((h, layer) =>
        histogramChart({
          title: `layer ${layer + 1}`,
          xLabel: `std ${formatNumber(c.stats[layer].std)}`,
          yLabel: '',
          series: [{ name: `${INIT_LABELS[c.init]}, layer ${layer + 1}`, histogram: h }],
          yMax,
          width: 180,
          height: 130,
        }),
      );
      return `<h3>${escapeHtml(`${activation} · ${INIT_LABELS[c.init]}`)}</h3>${chartRow(charts)}`;
    })
    .join('\n');
}

/** Standard deviation of the activations per layer: one line per initialization (log scale). */
export function stdChart(activation: HistogramActivation, cases: readonly DeepCase[]): string {
  return lineChart({
    title: `${activation}: std of the activations per layer`,
    xLabel: 'layer',
    yLabel: 'std (log scale)',
    yScale: 'log',
    width: 330,
    height: 260,
    series: WEIGHT_INITS.map((init) => ({
      name: INIT_LABELS[init],
      points: (cases.find((c) => c.init === init && c.activation === activation)?.stats ?? []).map(
        (s, layer) => [layer + 1, s.std] as const,
      ),
    })),
  });
}

/** The numbers behind the histograms: std per layer and the saturated (or dead) share of the last. */
export function statsTable(cases: readonly DeepCase[], layers: number): string {
  const order = HISTOGRAM_ACTIVATIONS.flatMap((a) => cases.filter((c) => c.activation === a));
  return htmlTable({
    header: [
      'activation',
      'weights',
      ...Array.from({ length: layers }, (_, i) => `std layer ${i + 1}`),
      `saturated / dead, layer ${layers}`,
    ],
    rows: order.map((c) => [
      c.activation,
      INIT_LABELS[c.init],
      ...c.stats.map((s) => s.std),
      percent(c.stats.at(-1)?.saturated),
    ]),
  });
}
