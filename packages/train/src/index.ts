// @nagare/train — the public surface. Everything not listed here is internal.
export type {
  BatchInfo,
  BatchLogs,
  Callback,
  CallbackState,
  EpochLogs,
  History,
  StepTensors,
  StopReason,
  TrainContext,
} from './callbacks/callback';
export { type EarlyStopping, type EarlyStoppingOptions, earlyStopping } from './callbacks/early-stopping';
export { type LrSchedulerOptions, lrScheduler } from './callbacks/lr-scheduler';
export {
  type ModelCheckpoint,
  type ModelCheckpointOptions,
  modelCheckpoint,
} from './callbacks/model-checkpoint';
export type { MonitorMode } from './callbacks/monitor';
export { type NanGuard, type NanGuardOptions, nanGuard } from './callbacks/nan-guard';
export {
  formatBatchLine,
  formatEpochLine,
  formatMetrics,
  type ProgressBarOptions,
  progressBar,
} from './callbacks/progress-bar';
export type { CheckpointContents } from './checkpoint/checkpoint-contents';
export { type ChecksumReport, type ChecksumStatus, verifyCheckpointChecksum } from './checkpoint/checksum';
export { type Checkpoint, loadCheckpoint } from './checkpoint/load-checkpoint';
export { saveCheckpoint } from './checkpoint/save-checkpoint';
export type { EpochProgress, GeneratorState, RngState, TrainingState } from './checkpoint/training-state';
export { CheckpointError, type CheckpointProblem } from './errors/checkpoint-error';
export { NonFiniteError, type NonFiniteReport } from './errors/non-finite-error';
export { type EvaluateOptions, evaluate } from './evaluate';
export { fit } from './fit';
export type { FitOptions, SchedulerOption } from './fit-options';
export type { JsonValue } from './json';
export { accuracy, type ClassificationOptions, topKAccuracy } from './metrics/accuracy';
export {
  type ConfusionOptions,
  type ConfusionState,
  confusionMatrix,
  f1,
  precision,
  recall,
} from './metrics/confusion';
export { lossMetric } from './metrics/loss-metric';
export type { AnyMetric, MeanState, MeasuredMetric, Metric, MetricValue } from './metrics/metric';
export { measuredMetric } from './metrics/metric';
export { meanAbsoluteError, meanSquaredError } from './metrics/regression';
export { type MetricName, type MetricSpec, resolveMetrics } from './metrics/resolve';
export { EWC, type EwcOptions, type FisherOptions, fisherDiagonal } from './regularizers/ewc';
export { formatTrials } from './search/format-trials';
export { type NarrowOptions, narrowSpace } from './search/narrow';
export {
  type HalvingOptions,
  halvingBudgets,
  type RandomSearchOptions,
  randomSearch,
  type SearchResult,
  type TrialContext,
} from './search/random-search';
export {
  type ChoiceRange,
  choice,
  type IntRange,
  intRange,
  type LogUniformRange,
  logUniform,
  type ParamRange,
  type ParamsOf,
  type ParamValue,
  type SearchSpace,
  sampleParams,
  type UniformRange,
  uniform,
} from './search/space';
export { rankTrials, type Trial, type TrialStatus } from './search/trial';
export { type TrialSetup, type TuneOptions, type TuneResult, tune } from './search/tune';
export type { BatchLoader, DataSource, LossFunction, Model, Regularizer } from './types';
