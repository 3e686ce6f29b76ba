import { noGrad } from '@nagare/autograd';
import type { Dataset } from '@nagare/data';
import { mseLoss } from '@nagare/layers';
import { Adam, SGD } from '@nagare/optimizers';
import { assign, mul, type Tensor, tensor } from '@nagare/tensor';
import { type Callback, fit, nanGuard } from '@nagare/train';
import { progressCallback } from '../../training/progress-callback';
import type { ExperimentContext } from '../experiment';
import { ADDING_INPUTS, type RecurrentKind, SequenceRegressor } from './adding-task';

/** What `trainSequenceModel` trains and how. */
export interface SequenceTrainingOptions {
  /** Names the run in metrics.jsonl and the progress output. */
  name: string;
  kind: RecurrentKind;
  hidden: number;
  train: Dataset<Tensor[]>;
  test: Dataset<Tensor[]>;
  epochs: number;
  batchSize: number;
  optimizer: 'adam' | 'sgd';
  lr: number;
  /** Largest global gradient norm, or null for no clipping (the norm is still measured). */
  clip: number | null;
  /** Multiplies the recurrent weights after initialization (1 = PyTorch's init). */
  recurrentGain: number;
  seed: number;
}

/** What one sequence model's training measured. */
export interface SequenceRun {
  name: string;
  /** Test MSE after each epoch. */
  testMse: number[];
  /** `[step, global gradient norm before clipping]` for every training step. */
  gradNorms: [number, number][];
  /** `[step, batch loss]` for every training step. */
  losses: [number, number][];
  stopReason: string | null;
}

// LSTM gate order is i, f, g, o: a forget-gate bias of 1 lets the cell keep its content from the
// start (Gers et al., 2000; Jozefowicz et al., 2015), the usual initialization for long sequences.
function prepare(model: SequenceRegressor, gain: number): void {
  noGrad(() => {
    for (const [name, parameter] of model.recurrent.namedParameters()) {
      if (name.startsWith('weight_hh')) assign(parameter, mul(parameter, gain));
      if (model.kind === 'lstm' && name.startsWith('bias_ih')) {
        const values = Float32Array.from(parameter.dataSync());
        const hidden = values.length / 4;
        values.fill(1, hidden, 2 * hidden);
        assign(parameter, tensor(values));
      }
    }
  });
}

/**
 * Trains a `SequenceRegressor` (RNN or LSTM) with MSE on the adding problem, measuring the global
 * gradient norm and the loss of every step and the test MSE of every epoch (one metrics.jsonl row
 * per epoch). A non-finite loss stops the run, as an exploding gradient does without clipping.
 *
 * @example
 * const run = await trainSequenceModel(context, { name: 'lstm', kind: 'lstm', hidden: 32, train, test,
 *   epochs: 10, batchSize: 50, optimizer: 'adam', lr: 0.01, clip: 1, recurrentGain: 1, seed: 0 });
 */
export async function trainSequenceModel(
  context: ExperimentContext<unknown>,
  options: SequenceTrainingOptions,
): Promise<SequenceRun> {
  const model = new SequenceRegressor(options.kind, ADDING_INPUTS, options.hidden, options.seed);
  prepare(model, options.recurrentGain);
  const optimizer =
    options.optimizer === 'adam'
      ? new Adam(model.parameters(), { lr: options.lr })
      : new SGD(model.parameters(), { lr: options.lr });
  const run: SequenceRun = { name: options.name, testMse: [], gradNorms: [], losses: [], stopReason: null };
  const recorder: Callback = {
    onBatchEnd(_context, logs) {
      run.losses.push([logs.step + 1, logs.loss]);
      if (logs.gradNorm !== undefined) run.gradNorms.push([logs.step + 1, logs.gradNorm]);
    },
    async onEpochEnd(_context, logs) {
      const mse = logs.metrics.val_loss ?? Number.NaN;
      run.testMse.push(mse);
      await context.record({
        run: options.name,
        epoch: logs.epoch,
        train_loss: Number.isFinite(logs.metrics.loss) ? logs.metrics.loss : null,
        test_mse: Number.isFinite(mse) ? mse : null,
      });
    },
  };
  const history = await fit(model, {
    train: options.train,
    val: options.test,
    optimizer,
    loss: mseLoss,
    epochs: options.epochs,
    batchSize: options.batchSize,
    seed: options.seed,
    // The largest float measures the norm without ever scaling a finite gradient.
    clipGradNorm: options.clip ?? Number.MAX_VALUE,
    callbacks: [
      nanGuard({ action: 'stop' }),
      progressCallback(context.output, { prefix: options.name, shouldPrintSummary: false }),
      recorder,
    ],
  });
  run.stopReason = history.stopReason?.message ?? null;
  const last = run.testMse.at(-1);
  context.output.log(
    `${options.name}: test MSE ${last === undefined ? '—' : last.toFixed(4)}${run.stopReason ? ` (stopped: ${run.stopReason})` : ''}`,
  );
  optimizer.dispose();
  model.dispose();
  return run;
}
