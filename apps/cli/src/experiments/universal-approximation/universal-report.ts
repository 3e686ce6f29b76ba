import { drawLegend, type LegendEntry, svgOpen } from '../../report/axes';
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { PALETTE } from '../../report/svg';
import { htmlTable } from '../../report/table';
import type { ExperimentContext, ExperimentResult, Verdict } from '../experiment';
import { type FittedCurve, fitCurve, TARGET_LABELS, TARGETS, type TargetName } from './fit-curve';
import type { UniversalApproximationParams } from './universal-approximation';

/** Every fit, by target and then by width. */
export type Fits = Record<string, Record<number, FittedCurve>>;

/** An MSE at or below this reads as "matched": the fitted curve lies on the target in a plot. */
export const MATCHED_MSE = 1e-3;
/** How many times smaller the widest layer's error must be than the narrowest's. */
export const IMPROVEMENT = 10;

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

/** Step 1: fit every target with every width (full-batch Adam), recording each fit's error. */
export async function fitEveryCurve(context: ExperimentContext<UniversalApproximationParams>): Promise<Fits> {
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
  return fits;
}

/** For each target, the fewest units that matched it, in words chosen by the measured errors. */
export function fitCaption(fits: Fits, targets: readonly TargetName[], widths: readonly number[]): string {
  const parts = targets.map((target) => {
    const matched = widths.find((width) => fits[target][width].mse <= MATCHED_MSE);
    return matched === undefined
      ? `${TARGET_NAMES[target]} was matched by no width (best MSE ${exponent(Math.min(...widths.map((w) => fits[target][w].mse)))})`
      : `${TARGET_NAMES[target]} was matched from ${matched} units`;
  });
  return `Here, counting an MSE of ${exponent(MATCHED_MSE)} or less as a match, ${parts.join(', ')}.`;
}

/**
 * The theorem's promise against the run: it agrees when, for every target, the widest layer's
 * error is at least `IMPROVEMENT` times smaller than the narrowest's.
 */
export function judgeApproximation(
  fits: Fits,
  targets: readonly TargetName[],
  widths: readonly number[],
): Verdict {
  const [narrowest, widest] = [widths[0], widths[widths.length - 1]];
  const ratios = targets.map((t) => fits[t][narrowest].mse / fits[t][widest].mse);
  return {
    measured: targets
      .map(
        (t, i) =>
          `${TARGET_NAMES[t]} MSE ${exponent(fits[t][narrowest].mse)} → ${exponent(fits[t][widest].mse)} (${ratios[i].toFixed(0)}×)`,
      )
      .join(', '),
    isAgreeing: ratios.every((ratio) => ratio >= IMPROVEMENT),
    criterion: `agrees when, for every target, ${widest} units fit with an MSE at least ${IMPROVEMENT} times smaller than ${narrowest} units`,
  };
}

/** Step 2: the report — the fitted curves over each target, and the error against the width. */
export function reportFits(p: UniversalApproximationParams, fits: Fits): ExperimentResult {
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
        caption: `Each net is Linear(1, n) → ${p.activation} → Linear(n, 1). ${fitCaption(fits, p.targets, p.widths)}`,
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
    verdict: judgeApproximation(fits, p.targets, p.widths),
  };
}
