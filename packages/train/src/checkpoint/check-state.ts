import { CheckpointError } from '../errors/checkpoint-error';
import type { TrainingState } from './training-state';

/** What a training state is checked against: the run's epochs and its data's batches per epoch. */
export interface RunShape {
  readonly epochs: number;
  /** Batches in the epoch the state is in (read only when it is mid-epoch). */
  readonly batchesPerEpoch: number;
}

/**
 * Refuses a training state whose counters do not fit each other, the run or its data, so a damaged
 * or hand-edited checkpoint fails with a CheckpointError instead of training nothing and reporting
 * "done": more epochs done than the run has, a count that disagrees with the saved history, or a
 * position past the end of an epoch of this data.
 */
export function checkStateFitsRun(file: string, state: TrainingState, run: RunShape): void {
  const fail = (detail: string) => new CheckpointError(file, 'mismatch', `training state ${detail}`);
  const done = state.epochsCompleted;
  if (done > run.epochs)
    throw fail(`says ${done} epochs are done, more than the ${run.epochs} epochs of this run`);
  const history = state.history.epochs;
  const lastLogged = history.at(-1)?.epoch;
  // History is shorter than the count only when the run started at fit's initialEpoch.
  if (history.length > done || (lastLogged !== undefined && lastLogged !== done))
    throw fail(`says ${done} epochs are done, but its history ends at epoch ${lastLogged ?? 0}`);
  if (state.step < state.batchesDone)
    throw fail(`says ${state.batchesDone} batches are done but only ${state.step} steps were taken`);
  if (state.progress === null) {
    if (state.batchesDone !== 0)
      throw fail(`is between epochs but says ${state.batchesDone} batches are done`);
    return;
  }
  if (done === run.epochs)
    throw fail(`is inside epoch ${done + 1}, beyond the ${run.epochs} epochs of this run`);
  if (state.batchesDone >= run.batchesPerEpoch)
    throw fail(
      `says ${state.batchesDone} batches of epoch ${done + 1} are done, but an epoch of this data has ${run.batchesPerEpoch}`,
    );
}
