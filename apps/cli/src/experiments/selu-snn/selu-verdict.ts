import { htmlTable } from '../../report/table';
import { formatNumber, percent } from '../../util/format';
import type { Verdict } from '../experiment';
import type { ActivationMoments } from './deep-nets';
import type { NetResult } from './selu-report';
import { type CnnResult, meanStd } from './selu-steps';
import { CNN_ACTIVATIONS, type CnnActivation } from './snn-cnn';

/** Largest gap between the SELU and ReLU CNNs' mean test accuracies still read as "equal" (the paper: 99.2 ± 0.1% both). */
export const CNN_TOLERANCE = 0.005;

/** Mean ± std of the CNN test accuracy over seeds, per activation. */
export function cnnAccuracy(results: readonly CnnResult[], activation: CnnActivation) {
  return meanStd(results.filter((r) => r.activation === activation).map((r) => r.run.testAccuracy));
}

/** "99.20 ± 0.10%" of accuracies. */
export const plusMinus = ({ mean, std }: { mean: number; std: number }) =>
  `${(mean * 100).toFixed(2)} ± ${(std * 100).toFixed(2)}%`;

/** The CNN comparison as a table: each seed's test accuracy, then mean ± std. */
export function cnnTable(results: readonly CnnResult[]): string {
  const seeds = [...new Set(results.map((r) => r.seed))];
  return htmlTable({
    header: ['activation', ...seeds.map((seed) => `seed ${seed}`), 'mean ± std'],
    rows: CNN_ACTIVATIONS.map((activation) => [
      activation,
      ...seeds.map((seed) =>
        percent(results.find((r) => r.activation === activation && r.seed === seed)?.run.testAccuracy),
      ),
      plusMinus(cnnAccuracy(results, activation)),
    ]),
  });
}

const finalLoss = (result: NetResult | undefined) => result?.run.epochs.at(-1)?.train_loss ?? Number.NaN;

/**
 * The run against the SNN paper's two claims: its MNIST CNN reaches the same accuracy with SELU
 * as with ReLU (means within `CNN_TOLERANCE`), and at the deepest depth the SNN trains at least as
 * well as ReLU with BatchNorm (final training loss no higher, and finite).
 */
export function judgeSelu(deep: readonly NetResult[], cnns: readonly CnnResult[]): Verdict {
  const selu = cnnAccuracy(cnns, 'SELU');
  const relu = cnnAccuracy(cnns, 'ReLU');
  const isCnnEqual = Math.abs(selu.mean - relu.mean) <= CNN_TOLERANCE;
  const deepest = Math.max(...deep.map((r) => r.depth));
  const snnLoss = finalLoss(deep.find((r) => r.kind === 'SNN' && r.depth === deepest));
  const bnLoss = finalLoss(deep.find((r) => r.kind === 'ReLU+BN' && r.depth === deepest));
  const isSnnStable = Number.isFinite(snnLoss) && !(snnLoss > bnLoss);
  return {
    measured: `CNN: SELU ${plusMinus(selu)}, ReLU ${plusMinus(relu)} (${cnns.length / 2} seeds); depth ${deepest}: final training loss SNN ${formatNumber(snnLoss)}, ReLU+BN ${formatNumber(bnLoss)}`,
    isAgreeing: isCnnEqual && isSnnStable,
    criterion: `agrees when the SELU and ReLU CNN means are within ${formatNumber(CNN_TOLERANCE * 100)} points and, at the deepest depth, the SNN's final training loss is finite and no higher than ReLU+BN's`,
  };
}

/** Whether a net's hidden layers stayed near SELU's fixed point (mean 0, variance 1). */
export function isNearFixedPoint(moments: readonly ActivationMoments[]): boolean {
  return moments.every((m) => Math.abs(m.mean) < 0.3 && m.variance > 0.5 && m.variance < 2);
}

/** The moments caption: what SELU promises, then what this run measured, in words that follow the numbers. */
export function momentsCaption(results: readonly NetResult[], depth: number): string {
  const snn = results.find((r) => r.kind === 'SNN' && r.depth === depth);
  const variances = (snn?.trained ?? []).map((m) => m.variance);
  const range = variances.length
    ? `${formatNumber(Math.min(...variances))} to ${formatNumber(Math.max(...variances))}`
    : 'not measured';
  const held = snn
    ? isNearFixedPoint(snn.trained)
      ? `here the trained SNN's layers stayed near it (variance ${range})`
      : `here the trained SNN's layers moved away from it (variance ${range})`
    : 'no SNN ran at this depth';
  return `Mean and variance of each hidden layer's outputs (after SELU or ReLU) over test digits, without dropout; at initialization BatchNorm uses the batch's statistics, after training its running averages. SELU with LeCun-normal weights has a stable fixed point at mean 0 and variance 1; ${held}.`;
}
