import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import type { Verdict } from '../experiment';
import { ACTIVATION_LABELS } from './activation-mlp';
import type { ActivationRun } from './activations-report';

/** Largest accuracy gap to ReLU that still counts as "about as well". */
export const SHALLOW_TOLERANCE = 0.02;
/** How far below ReLU a deep net must fall to count as "failing" (ten classes: chance is 10%). */
export const DEEP_FAILURE_GAP = 0.2;

const accuracyOf = (runs: readonly ActivationRun[], activation: string) =>
  runs.find((r) => r.activation === activation)?.run.testAccuracy ?? Number.NaN;

/**
 * cos against ReLU at both depths: the remark agrees when the shallow cos net is within
 * `SHALLOW_TOLERANCE` of ReLU and the deep cos net at least `DEEP_FAILURE_GAP` below the deep ReLU net.
 */
export function judgeCos(
  shallow: readonly ActivationRun[],
  deep: readonly ActivationRun[],
  deepLayers: number,
): Verdict {
  const [cos, relu] = [accuracyOf(shallow, 'cos'), accuracyOf(shallow, 'relu')];
  const [deepCos, deepRelu] = [accuracyOf(deep, 'cos'), accuracyOf(deep, 'relu')];
  return {
    measured: `shallow: cos ${percent(cos)}, ReLU ${percent(relu)}; ${deepLayers} hidden layers: cos ${percent(deepCos)}, ReLU ${percent(deepRelu)}`,
    isAgreeing: Math.abs(cos - relu) <= SHALLOW_TOLERANCE && deepRelu - deepCos >= DEEP_FAILURE_GAP,
    criterion: `agrees when shallow cos is within ${percent(SHALLOW_TOLERANCE)} of ReLU and deep cos at least ${percent(DEEP_FAILURE_GAP)} below deep ReLU`,
  };
}

/** The deep comparison's table and its caption, which says what the numbers show. */
export function deepSection(deep: readonly ActivationRun[], deepLayers: number) {
  const [cos, relu] = [accuracyOf(deep, 'cos'), accuracyOf(deep, 'relu')];
  const outcome =
    relu - cos >= DEEP_FAILURE_GAP
      ? `here cos fell ${percent(relu - cos)} behind ReLU: stacked, it fails to train`
      : `here cos stayed within ${percent(DEEP_FAILURE_GAP)} of ReLU (${percent(cos)} against ${percent(relu)}): in this run it did not fail`;
  return {
    title: `Stacked ${deepLayers} hidden layers deep`,
    html: htmlTable({
      header: ['activation', 'hidden layers', 'parameters', 'test accuracy'],
      rows: deep.map((r) => [ACTIVATION_LABELS[r.activation], deepLayers, r.parameters, r.run.testAccuracy]),
      formats: { 3: percent },
    }),
    caption: `The same training with ${deepLayers} hidden layers of the first layer's width. The curriculum remarks that cos, periodic rather than monotone, trains a shallow MLP about as well as ReLU but not a deep stack; ${outcome}.`,
  };
}
