// @nagare/optimizers — the public surface. Everything not listed here is internal.
export { Adadelta, type AdadeltaOptions } from './adadelta';
export { Adagrad, type AdagradOptions } from './adagrad';
export { Adam, type AdamOptions } from './adam';
export { Adamax, type AdamaxOptions } from './adamax';
export { AdamW, type AdamWOptions } from './adamw';
export { type ClipNormOptions, clipGradNorm, clipGradValue } from './clip-grad';
export { clipGradNormOnDevice, totalGradNorm } from './clip-grad-on-device';
export {
  type OptimizerPath,
  type OptimizerPathsOptions,
  optimizerPaths,
  optimizerPathsAsync,
} from './examples/optimizer-paths';
export { gradNorms, type NormOptions } from './grad-norms';
export { Lion, type LionOptions } from './lion';
export { Momentum } from './momentum';
export { Nesterov } from './nesterov';
export { type OnnxAdagradAttributes, onnxAdagradStep } from './onnx/onnx-adagrad';
export { type OnnxAdamAttributes, onnxAdamStep } from './onnx/onnx-adam';
export { type OnnxMomentumAttributes, onnxMomentumStep } from './onnx/onnx-momentum';
export {
  type OnnxTrainingAttributes,
  type OnnxTrainingOpType,
  runOnnxTrainingOp,
} from './onnx/run-onnx-training-op';
export type { OnnxScalar } from './onnx/training-inputs';
export { Optimizer } from './optimizer';
export type { OptimizerOptions, ParamGroup, ParamGroupInput, ParamsInput } from './param-groups';
export { RMSProp, type RmspropOptions } from './rmsprop';
export {
  cosineAnnealingLr,
  linearWarmupLr,
  sequentialLr,
  warmupCosineLr,
} from './schedules/cosine-annealing';
export type { LrSchedule, LrValue, ScheduleState, StatefulLrSchedule } from './schedules/lr-schedule';
export { type OneCycleOptions, oneCycleLr } from './schedules/one-cycle';
export { type PlateauOptions, type PlateauSchedule, reduceLrOnPlateau } from './schedules/reduce-on-plateau';
export { constantLr, exponentialLr, multiStepLr, stepLr } from './schedules/step-schedules';
export { SGD, type SgdInit, type SgdOptions } from './sgd';
export type {
  OptimizerStateDict,
  OptionValue,
  ParamGroupStateDict,
  ParamState,
  ParamStateDict,
} from './state-dict';
