// @nagare/layers/models — the model zoo entry point. Everything not listed here is internal.
export { type AlexNetOptions, alexNet } from './alexnet';
export {
  CharRNN,
  type CharRnnCell,
  type CharRnnOptions,
  type CharRnnState,
  type GenerateOptions,
} from './char-rnn';
export { GOOGLENET_SMALL_BLOCKS, type GoogLeNetOptions, googLeNet } from './googlenet';
export { InceptionBlock, type InceptionBlockOptions, type InceptionWidths } from './inception';
export { type LeNet5Options, type LeNet5Variant, lenet5 } from './lenet5';
export { type MlpOptions, mlp } from './mlp';
export type { ActivationChoice, ModelOptions } from './model-options';
export {
  BasicBlock,
  type BasicBlockOptions,
  type ResNetOptions,
  resnet,
  resnet8,
  resnet20,
  type ShortcutKind,
} from './resnet';
export { type SelfNormalizingOptions, selfNormalizingNet } from './self-normalizing';
export { VGG_SMALL, VGG11, VGG16, type VggConfig, type VggOptions, vgg } from './vgg';
