import { drawLegend, type LegendEntry, svgOpen } from '../../report/axes';
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { PALETTE } from '../../report/svg';
import { htmlTable } from '../../report/table';
import { defineExperiment } from '../experiment';
import {
  type FittedCurve,
  fitCurve,
  type ShallowActivation,
  TARGET_LABELS,
  TARGETS,
  type TargetName,
} from './fit-curve';

/** Parameters of the universal-approximation experiment. */
export interface UniversalApproximationParams {
  targets: TargetName[];
  /** Hidden units to compare. */
  widths: number[];
  activation: ShallowActivation;
  samples: number;
  steps: number;
  lr: number;
  gridPoints: number;
}

type Fits = Record<string, Record<number, FittedCurve>>;

const TARGET_NAMES: Record<TargetName, string> = { sin: 'sin(πx)', step: 'step', bump: 'bump' };

const exponent = (value: number) => value.toExponential(1);

// The curve charts share one legend, so each stays uncluttered.
function legendBox(entries: readonly LegendEntry[]): string {
  const height = 40 + 16 * entries.length;
  return [...svgOpen(160, height, 'Curves'), ...drawLegend(entries, 16, 46), '</svg>'].join('\n');
}

function curveChart(
  target: TargetName,
  widths: readonly number[],
  fits: Fits,
  grid: readonly number[],
): string {
  const truth = TARGETS[target];
  return lineChart({
    title: TARGET_LABELS[target],
    xLabel: 'x',
    yLabel: 'y',
    width: 340,
    height: 260,
    hasMarkers: false,
    legend: 'none',
    series: [
      { name: 'target', points: grid.map((x) => [x, truth(x)] as const), color: '#000', isDashed: true },
      ...widths.map((width, index) => ({
        name: `${width} units`,
        points: grid.map((x, i) => [x, fits[target][width].prediction[i]] as const),
        color: PALETTE[index % PALETTE.length],
      })),
    ],
  });
}

/**
 * The universal-approximation theorem in practice: one hidden layer of 2, 8, 32 and 128 units
 * fitted to sin(πx), a step and a bump; wider layers fit closer.
 */
export const universalApproximation = defineExperiment<UniversalApproximationParams>({
  name: 'universal-approximation',
  description: 'one hidden layer of 2, 8, 32, 128 units fitting sin(πx), a step and a bump',
  sizes: {
    quick: {
      targets: ['sin', 'step', 'bump'],
      widths: [2, 8, 32, 128],
      activation: 'sigmoid',
      samples: 256,
      steps: 1500,
      lr: 0.02,
      gridPoints: 201,
    },
    default: {
      targets: ['sin', 'step', 'bump'],
      widths: [2, 8, 32, 128],
      activation: 'sigmoid',
      samples: 256,
      steps: 5000,
      lr: 0.02,
      gridPoints: 201,
    },
    full: {
      targets: ['sin', 'step', 'bump'],
      widths: [2, 8, 32, 128, 512],
      activation: 'sigmoid',
      samples: 1024,
      steps: 20_000,
      lr: 0.01,
      gridPoints: 401,
    },
  },
  async run(context) {
    const p = context.params;
    const fits: Fits = {};
    for (const target of p.targets) {
      fits[target] = {};
      for (const width of p.widths) {
        const fit = fitCurve({ ...p, target, width, seed: context.seed });
        fits[target][width] = fit;
        context.output.log(`${target}, ${width} units: MSE ${exponent(fit.mse)}`);
        await context.record({
          target,
          width,
          activation: p.activation,
          mse: fit.mse,
          train_losses: fit.losses,
        });
      }
    }
    const grid = fits[p.targets[0]][p.widths[0]].grid;
    const narrowest = p.widths[0];
    const widest = p.widths[p.widths.length - 1];
    const legend = legendBox([
      { name: 'target', color: '#000', isDashed: true },
      ...p.widths.map((width, index) => ({ name: `${width} units`, color: PALETTE[index % PALETTE.length] })),
    ]);
    const mseChart = lineChart({
      title: 'Error of the fit vs hidden units',
      xLabel: 'hidden units',
      yLabel: 'MSE on a grid over [−1, 1]',
      xScale: 'log',
      yScale: 'log',
      formatY: exponent,
      series: p.targets.map((target) => ({
        name: TARGET_LABELS[target],
        points: p.widths.map((width) => [width, fits[target][width].mse] as const),
      })),
    });
    const change = p.targets
      .map((t) => `${TARGET_NAMES[t]} ${exponent(fits[t][narrowest].mse)} → ${exponent(fits[t][widest].mse)}`)
      .join(', ');
    return {
      headline: `One hidden ${p.activation} layer fitted to ${p.samples} points (${p.steps.toLocaleString('en-US')} full-batch Adam steps): from ${narrowest} to ${widest} units the mean squared error changes: ${change}.`,
      sections: [
        {
          title: 'Fitted curves',
          html: chartRow([...p.targets.map((target) => curveChart(target, p.widths, fits, grid)), legend]),
          caption: `Each net is Linear(1, n) → ${p.activation} → Linear(n, 1). A smooth target is matched with few units; the step and the bump need many steep units to approach their jumps, and the fit overshoots near them.`,
        },
        {
          title: 'Error by width',
          html:
            mseChart +
            htmlTable({
              header: ['target', ...p.widths.map((w) => `${w} units`)],
              rows: p.targets.map((target) => [
                TARGET_LABELS[target],
                ...p.widths.map((w) => fits[target][w].mse),
              ]),
              formats: Object.fromEntries(p.widths.map((_, i) => [i + 1, exponent])),
            }),
        },
      ],
      summary: {
        widths: p.widths,
        mse: Object.fromEntries(p.targets.map((t) => [t, p.widths.map((w) => fits[t][w].mse)])),
      },
    };
  },
});
