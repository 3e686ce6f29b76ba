import {
  type AnyModule,
  BatchNorm1d,
  CELU,
  Conv1d,
  ELU,
  Embedding,
  Flatten,
  GELU,
  GLU,
  GRU,
  HardSigmoid,
  HardSwish,
  Hardshrink,
  Hardtanh,
  LayerNorm,
  LeakyReLU,
  Linear,
  LogSigmoid,
  LogSoftmax,
  LSTM,
  Mish,
  PReLU,
  ReLU6,
  Residual,
  RNN,
  RReLU,
  Sequential,
  SiLU,
  Softmin,
  Softplus,
  Softshrink,
  Softsign,
  Tanh,
  Tanhshrink,
  Threshold,
} from '@nagare/layers';
import {
  alexNet,
  BasicBlock,
  CharRNN,
  googLeNet,
  lenet5,
  mlp,
  resnet8,
  selfNormalizingNet,
  vgg,
} from '@nagare/layers/models';
import { randn, type Tensor, tensor } from '@nagare/tensor';

/** A model to export to PyTorch and the input both run on. */
export interface PyTorchCase {
  name: string;
  make: () => AnyModule;
  input: () => Tensor;
}

const image = (channels: number, size: number) => () => randn([2, channels, size, size], { seed: 1 });
const tokens = () =>
  tensor(
    [
      [1, 5, 9, 2],
      [3, 3, 0, 10],
    ],
    { dtype: 'int32' },
  );

/** Every model of the zoo (@nagare/layers/models), with the options that change its layers. */
export const ZOO_CASES: PyTorchCase[] = [
  {
    name: 'mlp',
    make: () => mlp([20, 16, 8, 5], 'relu', { seed: 0 }),
    input: () => randn([3, 20], { seed: 1 }),
  },
  {
    name: 'mlp-batchnorm-dropout-gelu',
    make: () => mlp([20, 16, 8, 5], 'gelu', { batchNorm: true, dropout: 0.2, seed: 0 }),
    input: () => randn([3, 20], { seed: 1 }),
  },
  { name: 'lenet5', make: () => lenet5({ seed: 0 }), input: image(1, 28) },
  { name: 'alexnet', make: () => alexNet({ seed: 0 }), input: image(3, 32) },
  { name: 'vgg-batchnorm', make: () => vgg({ batchNorm: true, seed: 0 }), input: image(3, 32) },
  { name: 'resnet8', make: () => resnet8({ seed: 0 }), input: image(3, 32) },
  { name: 'resnet8-zeropad', make: () => resnet8({ shortcut: 'zeroPad', seed: 0 }), input: image(3, 32) },
  { name: 'googlenet', make: () => googLeNet({ seed: 0 }), input: image(3, 32) },
  {
    name: 'self-normalizing',
    make: () => selfNormalizingNet([20, 16, 16, 5], { alphaDropout: 0.05, seed: 0 }),
    input: () => randn([3, 20], { seed: 1 }),
  },
  {
    name: 'charrnn-lstm',
    make: () => new CharRNN(11, { embeddingDim: 4, hiddenSize: 8, seed: 0 }),
    input: tokens,
  },
  {
    name: 'charrnn-gru',
    make: () => new CharRNN(11, { embeddingDim: 4, hiddenSize: 8, cell: 'gru', seed: 0 }),
    input: tokens,
  },
  {
    name: 'charrnn-rnn',
    make: () => new CharRNN(11, { embeddingDim: 4, hiddenSize: 8, cell: 'rnn', numLayers: 1, seed: 0 }),
    input: tokens,
  },
];

/** Layers the zoo does not use, so every writer runs against PyTorch too. */
export const LAYER_CASES: PyTorchCase[] = [
  {
    name: 'activations-residual',
    make: () =>
      new Sequential(
        new Linear(6, 8, { seed: 0 }),
        new LayerNorm(8),
        new ELU(0.5),
        new Residual(
          new Sequential(new Linear(8, 8, { seed: 1 }), new CELU(1.5), new Linear(8, 8, { seed: 2 })),
        ),
        new LeakyReLU(0.2),
        new Residual(new Linear(8, 4, { seed: 3 }), new Linear(8, 4, { bias: false, seed: 4 })),
        new Softplus({ beta: 2 }),
        new PReLU(4),
        new Mish(),
        new HardSwish(),
        new HardSigmoid(),
        new SiLU(),
        new Softsign(),
        new GELU({ approximate: 'tanh' }),
        new BatchNorm1d(4, { momentum: null }),
        new Tanh(),
        new LogSoftmax(1),
      ),
    input: () => randn([5, 6], { seed: 1 }),
  },
  {
    name: 'conv1d-flatten',
    make: () =>
      new Sequential(
        new Conv1d(3, 4, 3, { padding: 1, stride: 2, seed: 0 }),
        new Conv1d(4, 4, 3, { groups: 2, dilation: 2, seed: 1 }),
        new Flatten(),
      ),
    input: () => randn([2, 3, 12], { seed: 1 }),
  },
  {
    name: 'lstm-bidirectional-projected',
    make: () => new LSTM(5, 6, { numLayers: 2, bidirectional: true, projSize: 3, batchFirst: true, seed: 0 }),
    input: () => randn([2, 4, 5], { seed: 1 }),
  },
  {
    name: 'gru-two-layers',
    make: () => new GRU(5, 6, { numLayers: 2, bidirectional: true, seed: 0 }),
    input: () => randn([4, 2, 5], { seed: 1 }),
  },
  {
    name: 'rnn-relu',
    make: () => new RNN(5, 6, { nonlinearity: 'relu', bias: false, seed: 0 }),
    input: () => randn([4, 2, 5], { seed: 1 }),
  },
  {
    // The activations torch.nn has beside the classic ones, each with non-default options.
    name: 'torch-activations',
    make: () =>
      new Sequential(
        new Linear(6, 8, { seed: 0 }),
        new Hardtanh(-0.5, 0.75),
        new Linear(8, 8, { seed: 1 }),
        new Hardshrink(0.1),
        new Softshrink(0.05),
        new Threshold(0.02, -1),
        new ReLU6(),
        new Linear(8, 8, { seed: 2 }),
        new LogSigmoid(),
        new Tanhshrink(),
        new RReLU(0.1, 0.3),
        new GLU(1),
        new Softmin(1),
      ),
    input: () => randn([5, 6], { seed: 1 }),
  },
  { name: 'embedding', make: () => new Embedding(12, 3, { paddingIdx: 0, seed: 0 }), input: tokens },
  { name: 'basic-block', make: () => new BasicBlock(4, 8, { stride: 2, seed: 0 }), input: image(4, 8) },
];
