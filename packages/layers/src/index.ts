// @nagare/layers — the public surface. Everything not listed here is internal.
import * as init from './init/index';

export { glu, softmin } from './activations/along-axis';
export { GLU, LogSoftmax, Maxout, Softmax, Softmax2d, Softmin } from './activations/axis-modules';
export { ACTIVATION_NAMES, type ActivationName, createActivation } from './activations/by-name';
export { type HardSigmoidOptions, hardSigmoid, hardSwish, hardtanh, relu6 } from './activations/hard';
export {
  HardSigmoid,
  HardSwish,
  Hardshrink,
  Hardtanh,
  Softshrink,
  Step,
} from './activations/hard-modules';
export { maxout } from './activations/maxout';
export { PReLU, type PReLUOptions } from './activations/prelu';
export { CELU, ELU, LeakyReLU, ReLU, ReLU6, SELU, Threshold } from './activations/rectifier-modules';
export { celu, elu, leakyRelu, prelu, SELU_ALPHA, SELU_SCALE, selu } from './activations/rectifiers';
export { RReLU, type RReLUOptions, rrelu } from './activations/rrelu';
export { hardshrink, softshrink, tanhshrink, threshold } from './activations/shrink';
export {
  type GeluOptions,
  gelu,
  logSigmoid,
  mish,
  type SoftplusOptions,
  silu,
  softplus,
  softsign,
  swish,
} from './activations/smooth';
export {
  Cos,
  GELU,
  LogSigmoid,
  Mish,
  Sigmoid,
  SiLU,
  Softplus,
  Softsign,
  Swish,
  Tanh,
  Tanhshrink,
} from './activations/smooth-modules';
export { ModuleDict } from './containers/module-dict';
export { ModuleList } from './containers/module-list';
export { Residual } from './containers/residual';
export { Sequential, type TensorModule } from './containers/sequential';
export { type ShapeMismatch, StateDictError } from './errors/state-dict-error';
export {
  AdaptiveAvgPool2d,
  AdaptiveMaxPool2d,
  type AdaptiveSize,
  adaptiveAvgPool2d,
  adaptiveMaxPool2d,
} from './layers/adaptive-pool';
export { AlphaDropout } from './layers/alpha-dropout';
export { BatchNorm, BatchNorm1d, BatchNorm2d, type BatchNormOptions } from './layers/batch-norm';
export { Conv1d, type Conv1dLayerOptions } from './layers/conv1d';
export { Conv2d, type Conv2dLayerOptions, type PaddingMode } from './layers/conv2d';
export { Dropout, type DropoutOptions, dropout } from './layers/dropout';
export { Dropout2d } from './layers/dropout2d';
export { Embedding, type EmbeddingOptions } from './layers/embedding';
export { Flatten } from './layers/flatten';
export { GlobalAvgPool } from './layers/global-avg-pool';
export { Identity } from './layers/identity';
export { LayerNorm, type LayerNormOptions } from './layers/layer-norm';
export { Linear } from './layers/linear';
export {
  defaultBiasInit,
  defaultWeightInit,
  type FloatDType,
  type Initializer,
  type ParameterOptions,
  type WeightBiasOptions,
} from './layers/options';
export { AvgPool2d, MaxPool2d } from './layers/pool2d';
export { SpatialPyramidPool, type SpatialPyramidPoolOptions } from './layers/spatial-pyramid-pool';
export {
  type BinaryCrossEntropyOptions,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
} from './losses/binary';
export { type CrossEntropyOptions, crossEntropy } from './losses/cross-entropy';
export { type CtcLossOptions, ctcLoss } from './losses/ctc';
export { hingeLoss, type MultiMarginLossOptions, multiMarginLoss } from './losses/hinge';
export { type KlDivOptions, klDiv } from './losses/kl-div';
export { multilabelMarginLoss } from './losses/multi-label-margin';
export { type NllLossOptions, nllLoss } from './losses/nll';
export {
  type GaussianNllLossOptions,
  gaussianNllLoss,
  type PoissonNllLossOptions,
  poissonNllLoss,
} from './losses/probabilistic';
export {
  cosineEmbeddingLoss,
  hingeEmbeddingLoss,
  type MarginOptions,
  marginRankingLoss,
} from './losses/ranking';
export type { Reduction, ReductionOptions } from './losses/reduction';
export { huberLoss, l1Loss, mseLoss, smoothL1Loss } from './losses/regression';
export {
  type MultiLabelSoftMarginLossOptions,
  multiLabelSoftMarginLoss,
  softMarginLoss,
} from './losses/soft-margin';
export { type TripletMarginLossOptions, tripletMarginLoss } from './losses/triplet';
export {
  type TripletMarginWithDistanceLossOptions,
  tripletMarginWithDistanceLoss,
} from './losses/triplet-with-distance';
export { type AnyModule, type ForwardHook, Module, type NamedOptions } from './module';
export type { RandomSource } from './random';
export type { CellOptions } from './recurrent/cell-base';
export { GRUCell, type GRUCellOptions, LSTMCell, RNNCell, type RNNCellOptions } from './recurrent/cells';
export { GRU, type GRUOptions } from './recurrent/gru';
export { LSTM, type LSTMOptions, type LSTMState } from './recurrent/lstm';
export type { RecurrentOptions, SequenceOptions } from './recurrent/recurrent-base';
export { RNN, type RNNOptions } from './recurrent/rnn';
export type { LoadStateDictOptions, LoadStateDictResult, StateDict } from './state-dict';
export { type SummaryOptions, summary } from './summary';
export { init };
