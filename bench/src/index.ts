// @nagare/bench — the runner other code (the CLI's `nagare bench`) can call.
export { ALL_CASES, selectCases, TRAIN_BATCH_SIZE, TRAIN_LEARNING_RATE, toUnitValue } from './cases';
export { formatMarkdown, formatValue } from './format-markdown';
export type { SimdPreference } from './libs/nagare';
export { type BenchArgs, parseBenchArgs, USAGE } from './parse-args';
export { type BenchColumn, type BenchOptions, type BenchReport, runBench } from './run-bench';
export { type Measurement, measure, median, type TimingOptions } from './timing';
export {
  type BenchRow,
  type BenchUnit,
  type CaseSpec,
  type ElementwiseOp,
  isLowerBetter,
  LIBS,
  type LibName,
  SUITE_UNITS,
  SUITES,
  type SuiteName,
  type TrainModel,
} from './types';
