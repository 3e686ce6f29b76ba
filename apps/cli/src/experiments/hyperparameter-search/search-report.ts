import type { Dataset } from '@nagare/data';
import type { Tensor } from '@nagare/tensor';
import { percent } from '../../util/format';
import type { ExperimentResult, JsonValue, Verdict } from '../experiment';
import type { HyperparameterSearchParams } from './hyperparameter-search';
import { bestCurves, describeRange, rankedTable, scatterCharts } from './search-figures';
import { rankRecords, type SearchSpaceOf, type TrialRecord } from './search-rounds';

/** The book's good learning rates (Figure 6-24): from 1e-3 to 1e-2. */
export const GOOD_LR: readonly [number, number] = [1e-3, 1e-2];

const median = (values: readonly number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The book's Figure 6-24 against the run: it agrees when the best trial's lr lies in `GOOD_LR`. */
export function judgeSearch(best: TrialRecord): Verdict {
  return {
    measured: `best trial: lr ${best.lr.toExponential(1)}, weight decay ${best.weightDecay.toExponential(1)}, ${percent(best.valAccuracy)} validation accuracy`,
    isAgreeing: best.lr >= GOOD_LR[0] && best.lr <= GOOD_LR[1],
    criterion: `agrees when the best trial's learning rate lies in [${GOOD_LR[0].toExponential(0)}, ${GOOD_LR[1].toExponential(0)}]`,
  };
}

/** Where the best trials' learning rates lie, in words chosen by the numbers. */
export function lrCaption(records: readonly TrialRecord[], count: number): string {
  const top = rankRecords(records).slice(0, count);
  const inside = top.filter((r) => r.lr >= GOOD_LR[0] && r.lr <= GOOD_LR[1]).length;
  return `Here ${inside} of the ${top.length} best trials had a learning rate in the book's good range [${GOOD_LR[0].toExponential(0)}, ${GOOD_LR[1].toExponential(0)}].`;
}

/** What the search ran on, for the report. */
export interface SearchOutcome {
  train: Dataset<Tensor[]>;
  val: Dataset<Tensor[]>;
  first: TrialRecord[];
  second: TrialRecord[];
  narrowed: SearchSpaceOf;
}

/** Step 4: the report — where the good values lie, the best trials' curves, the ranked table. */
export function reportSearch(p: HyperparameterSearchParams, outcome: SearchOutcome): ExperimentResult {
  const { train, val, first, second, narrowed } = outcome;
  const records: TrialRecord[] = [...first, ...second];
  const [best] = rankRecords(records);
  const medians = [first, second].map((round) => median(round.map((r) => r.valAccuracy)));
  const slow = first.filter((r) => r.lr < 1e-4);
  const slowBest = Math.max(...slow.map((r) => (Number.isFinite(r.valAccuracy) ? r.valAccuracy : 0)), 0);
  const headline = `Random search of lr in [1e-6, 1e-2] and weight decay in [1e-8, 1e-4] (log-uniform), ${p.trials} trials of ${p.epochs} epochs on ${train.length} MNIST digits scored on a ${Math.round(p.valFraction * 100)}% validation split (${val.length} digits): the best trial reached ${percent(best.valAccuracy)} validation accuracy at lr ${best.lr.toExponential(1)} and weight decay ${best.weightDecay.toExponential(1)}, no trial with lr below 1e-4 passed ${percent(slowBest)}, and the narrowed second round (lr ${describeRange(narrowed.lr)}, weight decay ${describeRange(narrowed.weightDecay)}, ${p.narrowedTrials} trials) had a median of ${percent(medians[1])} against ${percent(medians[0])} in the first.`;
  const summary: Record<string, JsonValue> = {
    best: {
      trial: best.id,
      round: best.round,
      lr: best.lr,
      weight_decay: best.weightDecay,
      val_acc: best.valAccuracy,
    },
    median_val_acc: { round1: medians[0], round2: medians[1] },
    narrowed: {
      lr: [narrowed.lr.min, narrowed.lr.max],
      weight_decay: [narrowed.weightDecay.min, narrowed.weightDecay.max],
    },
    best_val_acc_lr_below_1e4: slowBest,
  };
  return {
    headline,
    sections: [
      {
        title: 'Where the good values lie',
        html: scatterCharts(records, narrowed),
        caption: `Each dot is one trial. The second round samples only the ranges spanned by the ${p.top} best trials of the first (widened by a quarter, in log space). ${lrCaption(records, p.top)}`,
      },
      {
        title: 'Best trials',
        html: bestCurves(records, 12),
        caption:
          'Validation accuracy (solid) and running training accuracy (dashed) per epoch of the twelve best trials of both rounds.',
      },
      {
        title: 'Ranked trials',
        html: rankedTable(records, 25),
        caption: 'The 25 best trials of both rounds by last validation accuracy.',
      },
    ],
    summary,
    verdict: judgeSearch(best),
  };
}
