import type { Tensor } from '@nagare/tensor';
import type { ScheduleState } from './schedules/lr-schedule';

/** A hyper-parameter value as saved: numbers, booleans and pairs such as Adam's betas. */
export type OptionValue = number | boolean | readonly number[];

/** One parameter group in a state dict. Parameters are named by their index across all groups. */
export interface ParamGroupStateDict {
  params: number[];
  /** Every option of the group except a scheduled lr. */
  options: Record<string, OptionValue>;
  /** Present when the group's lr is a schedule: that schedule's own state (`{}` when it has none). */
  schedule?: ScheduleState;
}

/** The state one parameter has accumulated: its step count and its buffers (copies). */
export interface ParamStateDict {
  step: number;
  tensors: Record<string, Tensor>;
}

/**
 * Everything an optimizer needs to resume exactly: steps taken, group options and each parameter's
 * buffers. The numbers are JSON-ready; the tensors are copies the caller owns (dispose them, or
 * let `tidy` do it).
 */
export interface OptimizerStateDict {
  /** Steps the optimizer has taken: the step count every lr schedule reads. */
  stepCount: number;
  paramGroups: ParamGroupStateDict[];
  /** By parameter index; parameters that never had a gradient have no entry. */
  state: Record<number, ParamStateDict>;
}

/** What an optimizer keeps per parameter between steps. */
export interface ParamState {
  /** Updates this parameter has received (what bias corrections count). */
  step: number;
  /** Named buffers (velocity, m, v, ...), each the parameter's shape and dtype. */
  readonly tensors: Map<string, Tensor>;
}
