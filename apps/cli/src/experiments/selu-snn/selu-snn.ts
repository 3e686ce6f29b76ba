import { defineExperiment, type JsonValue } from '../experiment';
import type { NetResult } from './selu-report';
import { accuracyCharts, lossCharts, momentCharts, resultsTable, seluHeadline } from './selu-report';
import { type CnnResult, loadDigits, type SeluData, trainDeepNets, trainPaperCnns } from './selu-steps';
import { cnnAccuracy, cnnTable, judgeSelu, momentsCaption, plusMinus } from './selu-verdict';

/** Parameters of the selu-snn experiment. */
export interface SeluSnnParams {
  train: number;
  test: number;
  epochs: number;
  batchSize: number;
  lr: number;
  depths: number[];
  width: number;
  alphaDropout: number;
  /** Test images the activation moments are measured on. */
  probe: number;
  /** The paper's MNIST CNN: epochs, seeds, filters of its two convolutions, hidden units, dropout, SGD lr. */
  cnnEpochs: number;
  cnnSeeds: number;
  cnnChannels: [number, number];
  cnnHidden: number;
  cnnDropout: number;
  cnnLr: number;
}

const DEEP = { batchSize: 64, lr: 0.01, alphaDropout: 0.05 };

/**
 * Item 7 of the curriculum, after Klambauer et al. (2017). Method: (1) load the digits, (2) train
 * deep fully connected nets — self-normalizing (SELU, LeCun-normal weights, AlphaDropout) against
 * ReLU with and without BatchNorm — at each depth with plain SGD, measuring every hidden layer's
 * activation mean and variance, (3) train the paper's MNIST CNN with SELU and with ReLU over
 * several seeds, (4) report accuracies, training-loss curves and moments.
 */
export const seluSnn = defineExperiment<SeluSnnParams>({
  name: 'selu-snn',
  description:
    "self-normalizing SELU net vs ReLU+BN vs plain ReLU, deep MLPs and the paper's CNN: accuracy, moments",
  sizes: {
    quick: {
      ...{ train: 5000, test: 2000, epochs: 2, depths: [8, 16], width: 128, probe: 1000 },
      ...{ ...DEEP, batchSize: 128 },
      ...{ cnnEpochs: 1, cnnSeeds: 1, cnnChannels: [8, 16], cnnHidden: 64, cnnDropout: 0.05, cnnLr: 0.01 },
    },
    default: {
      ...{ train: 20_000, test: 10_000, epochs: 3, depths: [8, 16], width: 128, probe: 1000 },
      ...DEEP,
      ...{ cnnEpochs: 2, cnnSeeds: 2, cnnChannels: [8, 16], cnnHidden: 64, cnnDropout: 0.05, cnnLr: 0.01 },
    },
    full: {
      ...{ train: 60_000, test: 10_000, epochs: 10, depths: [8, 16, 32], width: 256, probe: 2000 },
      ...DEEP,
      ...{ cnnEpochs: 30, cnnSeeds: 3, cnnChannels: [32, 64], cnnHidden: 128, cnnDropout: 0.05, cnnLr: 0.01 },
    },
  },
  source: {
    citation: 'Klambauer, Unterthiner, Mayr & Hochreiter, Self-Normalizing Neural Networks (NeurIPS 2017)',
    setting:
      'MNIST: the CNN (2× conv3×3 of 32 and 64 filters, max-pool, dense 128, dense 10) for 30 epochs with SELU and with ReLU, 3 seeds; deep fully connected nets of 8, 16 and 32 layers, SNN (LeCun-normal, alpha-dropout) against ReLU with and without BatchNorm, with their training-loss curves',
    figure:
      'CNN: SELU 99.2 ± 0.1%, ReLU 99.2 ± 0.1%; deep nets: SNNs keep training stably up to 32 layers, where BatchNorm nets are less stable (Fig. 1)',
  },
  async run(context) {
    const data = await loadDigits(context.params);
    const deep = await trainDeepNets(context, data);
    const cnns = await trainPaperCnns(context, data);
    return report(context.params, data, deep, cnns);
  },
});

/** Step 4: the report — accuracies, training-loss curves, the CNN table and the layer moments. */
function report(p: SeluSnnParams, data: SeluData, deep: NetResult[], cnns: CnnResult[]) {
  data.probe.dispose();
  const key = (r: NetResult) => `${r.kind}/${r.depth}`;
  const summary: Record<string, JsonValue> = {
    test_acc: Object.fromEntries(deep.map((r) => [key(r), r.run.testAccuracy])),
    final_train_loss: Object.fromEntries(deep.map((r) => [key(r), r.run.epochs.at(-1)?.train_loss ?? null])),
    cnn_test_acc: { SELU: { ...cnnAccuracy(cnns, 'SELU') }, ReLU: { ...cnnAccuracy(cnns, 'ReLU') } },
    moments: Object.fromEntries(
      deep.map((r) => [
        key(r),
        { init: r.atInit.map((m) => ({ ...m })), trained: r.trained.map((m) => ({ ...m })) },
      ]),
    ),
  };
  const cnnPart = `the paper's MNIST CNN (${p.cnnEpochs} epochs, ${p.cnnSeeds} seed${p.cnnSeeds === 1 ? '' : 's'}) reached SELU ${plusMinus(cnnAccuracy(cnns, 'SELU'))} and ReLU ${plusMinus(cnnAccuracy(cnns, 'ReLU'))}`;
  return {
    headline: `${seluHeadline(deep, p).replace(/\.$/, '')}; ${cnnPart}.`,
    sections: [
      {
        title: 'Test accuracy',
        html: `${accuracyCharts(deep, p.depths)}${resultsTable(deep)}`,
        caption: 'The ranges are over all hidden layers, measured on test digits without dropout.',
      },
      {
        title: 'Training loss of the deep nets',
        html: lossCharts(deep, p.depths),
        caption: `The training loss of each mini-batch, averaged over windows, on a log scale: the figure the SNN paper uses to argue that self-normalizing nets train stably at depth.`,
      },
      {
        title: "The paper's MNIST CNN: SELU against ReLU",
        html: cnnTable(cnns),
        caption: `Test accuracy of conv3×3 (${p.cnnChannels[0]}) → conv3×3 (${p.cnnChannels[1]}) → max-pool → dense ${p.cnnHidden} → dense 10, trained with SGD (momentum 0.9, lr ${p.cnnLr}) for ${p.cnnEpochs} epochs on ${p.train.toLocaleString('en-US')} digits, once per seed.`,
      },
      ...p.depths.map((depth) => ({
        title: `Activation moments per layer, depth ${depth}`,
        html: momentCharts(deep, depth),
        caption: momentsCaption(deep, depth),
      })),
    ],
    summary,
    verdict: judgeSelu(deep, cnns),
  };
}
