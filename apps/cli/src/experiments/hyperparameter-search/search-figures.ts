import type { LogUniformRange } from '@nagare/train';
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import { rankRecords, type SearchSpaceOf, type TrialRecord } from './search-rounds';

// Two significant digits in exponent form: 5.6e-3, and 1e-6 for a decade tick.
const exp = (value: number) => Number(value.toPrecision(2)).toExponential();

/** A range as "[1.0e-3, 9.5e-3]". */
export function describeRange(range: LogUniformRange): string {
  return `[${range.min.toExponential(1)}, ${range.max.toExponential(1)}]`;
}

/** The ranked table of the best `count` trials of both rounds. */
export function rankedTable(records: readonly TrialRecord[], count: number): string {
  return htmlTable({
    header: ['rank', 'trial', 'round', 'lr', 'weight decay', 'val accuracy', 'train accuracy'],
    rows: rankRecords(records)
      .slice(0, count)
      .map((r, index) => [
        index + 1,
        r.id,
        r.round,
        exp(r.lr),
        exp(r.weightDecay),
        Number.isFinite(r.valAccuracy) ? percent(r.valAccuracy) : 'diverged',
        percent(r.trainAccuracy),
      ]),
  });
}

/** Small multiples of the best trials' curves: validation accuracy solid, training dashed. */
export function bestCurves(records: readonly TrialRecord[], count: number): string {
  const charts = rankRecords(records)
    .slice(0, count)
    .map((r, index) =>
      lineChart({
        title: `#${index + 1}: val ${percent(r.valAccuracy)}`,
        xLabel: `epoch (lr ${exp(r.lr)}, wd ${exp(r.weightDecay)})`,
        yLabel: 'accuracy',
        yDomain: [0, 1],
        width: 240,
        height: 170,
        legend: index === 0 ? 'inside-bottom' : 'none',
        hasMarkers: false,
        series: [
          { name: 'validation', points: r.curve.map(([epoch, val]) => [epoch, val] as const) },
          {
            name: 'train',
            isDashed: true,
            points: r.curve.map(([epoch, , train]) => [epoch, train] as const),
          },
        ],
      }),
    );
  return chartRow(charts);
}

/** Validation accuracy against each searched parameter, one color per round, log x axes. */
export function scatterCharts(records: readonly TrialRecord[], narrowed: SearchSpaceOf): string {
  const chart = (key: 'lr' | 'weightDecay', label: string) =>
    lineChart({
      title: `Validation accuracy vs ${label}`,
      xLabel: `${label} (log scale)`,
      yLabel: 'val accuracy',
      xScale: 'log',
      xDomain: key === 'lr' ? [1e-6, 1e-2] : [1e-8, 1e-4],
      yDomain: [0, 1],
      width: 420,
      height: 280,
      legend: 'inside',
      formatX: exp,
      formatY: (y) => percent(y),
      series: [1, 2].map((round) => ({
        name: round === 1 ? 'round 1' : `round 2 ${describeRange(narrowed[key])}`,
        mode: 'points' as const,
        points: records
          .filter((r) => r.round === round && Number.isFinite(r.valAccuracy))
          .map((r) => [r[key], r.valAccuracy] as const),
      })),
    });
  return chartRow([chart('lr', 'learning rate'), chart('weightDecay', 'weight decay')]);
}
