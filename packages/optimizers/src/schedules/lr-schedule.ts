/**
 * A learning-rate schedule: the lr of the step that follows `step` completed steps (so `schedule(0)`
 * is the first step's lr). A pure function of the step count, so a resumed run gets the same lr.
 *
 * @example
 * const halveEvery100: LrSchedule = (step) => 0.1 * 0.5 ** Math.floor(step / 100);
 * new SGD(params, { lr: halveEvery100 });
 */
export type LrSchedule = (step: number) => number;

/** What a stateful schedule saves: numbers, with `null` standing for ±Infinity (JSON has none). */
export type ScheduleState = Record<string, number | null>;

/**
 * A schedule that also depends on what it has observed (reduce-on-plateau). The optimizer saves
 * its state in `stateDict()` and restores it in `loadStateDict()`.
 */
export interface StatefulLrSchedule extends LrSchedule {
  stateDict(): ScheduleState;
  loadStateDict(state: ScheduleState): void;
}

/** A learning rate: a fixed number or a schedule of the step count. */
export type LrValue = number | LrSchedule;

/** True when `lr` carries state of its own to save with the optimizer. */
export function isStatefulSchedule(lr: LrValue): lr is StatefulLrSchedule {
  return typeof lr === 'function' && typeof (lr as Partial<StatefulLrSchedule>).stateDict === 'function';
}
