import { trainValSplit } from '@nagare/data';
import { percent } from '../../util/format';
import { defineExperiment, type JsonValue } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { bestCurves, describeRange, rankedTable, scatterCharts } from './search-figures';
import { narrowedSpace, rankRecords, SEARCH_SPACE, searchRound, type TrialRecord } from './search-rounds';

/** Parameters of the hyperparameter-search experiment. */
export interface HyperparameterSearchParams {
  /** MNIST training digits, of which `valFraction` are held out for scoring. */
  samples: number;
  valFraction: number;
  trials: number;
  /** Trials of the second, narrowed round. */
  narrowedTrials: number;
  /** How many of the first round's best trials the narrowed ranges span. */
  top: number;
  epochs: number;
  batchSize: number;
  hidden: number[];
}

const HIDDEN = [100, 100, 100, 100, 100, 100];

const median = (values: readonly number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Item 6 of the curriculum: random search of the learning rate (1e-6 … 1e-2, log) and weight decay
 * (1e-8 … 1e-4, log) for a 7-layer net on a small MNIST subset, scored on a 20% validation split
 * (never the test set); then a second round in the ranges the best trials point to. Ranked table,
 * the best trials' curves, and where the good values lie (ゼロから作るDeep Learning, ch. 6.5).
 */
export const hyperparameterSearch = defineExperiment<HyperparameterSearchParams>({
  name: 'hyperparameter-search',
  description: 'random search of lr and weight decay on a 20% validation split, then a narrowed round',
  sizes: {
    quick: {
      samples: 500,
      valFraction: 0.2,
      trials: 20,
      narrowedTrials: 10,
      top: 5,
      epochs: 15,
      batchSize: 50,
      hidden: HIDDEN,
    },
    default: {
      samples: 500,
      valFraction: 0.2,
      trials: 100,
      narrowedTrials: 30,
      top: 10,
      epochs: 20,
      batchSize: 50,
      hidden: HIDDEN,
    },
    full: {
      samples: 1000,
      valFraction: 0.2,
      trials: 100,
      narrowedTrials: 100,
      top: 10,
      epochs: 50,
      batchSize: 100,
      hidden: HIDDEN,
    },
  },
  async run(context) {
    const p = context.params;
    const { train: all } = await mnistSubsets({ train: p.samples, test: 1 });
    const { train, val } = trainValSplit(all, { val: p.valFraction, seed: context.seed });
    const common = { train, val, epochs: p.epochs, batchSize: p.batchSize, hidden: p.hidden };
    const first = await searchRound(context, {
      ...common,
      round: 1,
      space: SEARCH_SPACE,
      trials: p.trials,
      firstId: 0,
    });
    const narrowed = narrowedSpace(first, p.top);
    context.output.log(
      `narrowed: lr ${describeRange(narrowed.lr)}, weight decay ${describeRange(narrowed.weightDecay)}`,
    );
    const second = await searchRound(context, {
      ...common,
      round: 2,
      space: narrowed,
      trials: p.narrowedTrials,
      firstId: p.trials,
    });
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
          caption: `Each dot is one trial. The second round samples only the ranges spanned by the ${p.top} best trials of the first (widened by a quarter, in log space).`,
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
    };
  },
});
