import { defineExperiment } from '../experiment';
import { reportInit } from './init-report';
import { measureActivations, trainSymmetry } from './init-steps';

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

/**
 * Item 2 of the curriculum: activation histograms per layer of a 5-layer, 100-unit net fed random
 * input, for weights N(0, 1), N(0, 0.01²), Xavier and He with sigmoid, tanh and ReLU (the figure of
 * ゼロから作るDeep Learning, ch. 6); and zero-init symmetry: a net whose weights all start at 0
 * keeps every hidden unit identical while it trains. Method: (1) measure the activations per
 * init × activation, (2) train from zeros and from Xavier, (3) report.
 */
export const initHistograms = defineExperiment<InitHistogramsParams>({
  name: 'init-histograms',
  description: 'activation histograms of a 5-layer net per weight init × activation, and zero-init symmetry',
  sizes: {
    quick: { ...BASE, symmetryTrain: 2000, symmetryTest: 1000, symmetryEpochs: 1, measureEvery: 5 },
    default: { ...BASE, symmetryTrain: 20000, symmetryTest: 10000, symmetryEpochs: 3, measureEvery: 25 },
    full: { ...BASE, symmetryTrain: 60000, symmetryTest: 10000, symmetryEpochs: 10, measureEvery: 100 },
  },
  source: {
    citation:
      'Saito, ゼロから作るDeep Learning (2016), §6.2, Figures 6-10 to 6-14; zero-init symmetry, §6.2.1',
    setting:
      '1,000 random inputs through 5 layers of 100 units with weights N(0, 1), N(0, 0.01²), Xavier and He; a sigmoid MLP trained from all-zero weights',
    figure:
      'N(0, 1) saturates sigmoid activations at 0 and 1, N(0, 0.01²) squeezes them to 0.5, Xavier keeps them spread; zero init keeps all units of a layer identical',
    sizesFollowing: ['default', 'full'],
  },
  async run(context) {
    const cases = await measureActivations(context);
    const symmetry = await trainSymmetry(context);
    return reportInit(context.params, cases, symmetry);
  },
});
