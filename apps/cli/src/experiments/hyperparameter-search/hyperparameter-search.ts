import { trainValSplit } from '@nagare/data';
import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { describeRange } from './search-figures';
import { reportSearch } from './search-report';
import { narrowedSpace, SEARCH_SPACE, searchRound } from './search-rounds';

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

/**
 * Item 6 of the curriculum: random search of the learning rate (1e-6 … 1e-2, log) and weight decay
 * (1e-8 … 1e-4, log) for a 7-layer net on a small MNIST subset, scored on a 20% validation split
 * (never the test set); then a second round in the ranges the best trials point to. Ranked table,
 * the best trials' curves, and where the good values lie (ゼロから作るDeep Learning, ch. 6.5).
 * Method: (1) load and split the digits, (2) search at random, (3) search the narrowed ranges,
 * (4) report.
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
      samples: 500,
      valFraction: 0.2,
      trials: 100,
      narrowedTrials: 30,
      top: 10,
      epochs: 50,
      batchSize: 100,
      hidden: HIDDEN,
    },
  },
  source: {
    citation: 'Saito, ゼロから作るDeep Learning (2016), §6.5.3, Figure 6-24',
    setting:
      'random search of lr in [1e-6, 1e-2] and weight decay in [1e-8, 1e-4] (log-uniform), 100 trials of 50 epochs (batch 100) for a 7-layer net on 500 MNIST digits, 20% held out for validation',
    figure: 'the best trials have learning rates from 0.001 to 0.01 (and weight decay from 1e-8 to 1e-6)',
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
    return reportSearch(p, { train, val, first, second, narrowed });
  },
});
