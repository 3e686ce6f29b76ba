import { tensor } from '@nagare/tensor';
import { ReLU } from '../activations/rectifier-modules';
import { Tanh } from '../activations/smooth-modules';
import { Residual } from '../containers/residual';
import { Sequential } from '../containers/sequential';
import { AdaptiveAvgPool2d, AdaptiveMaxPool2d } from '../layers/adaptive-pool';
import { AlphaDropout } from '../layers/alpha-dropout';
import { BatchNorm1d, BatchNorm2d } from '../layers/batch-norm';
import { Conv1d } from '../layers/conv1d';
import { Conv2d } from '../layers/conv2d';
import { Dropout } from '../layers/dropout';
import { Dropout2d } from '../layers/dropout2d';
import { Embedding } from '../layers/embedding';
import { Flatten } from '../layers/flatten';
import { GlobalAvgPool } from '../layers/global-avg-pool';
import { Identity } from '../layers/identity';
import { LayerNorm } from '../layers/layer-norm';
import { Linear } from '../layers/linear';
import { AvgPool2d, MaxPool2d } from '../layers/pool2d';
import { SpatialPyramidPool } from '../layers/spatial-pyramid-pool';
import { GRUCell, LSTMCell, RNNCell } from '../recurrent/cells';
import { GRU } from '../recurrent/gru';
import { LSTM } from '../recurrent/lstm';
import { RNN } from '../recurrent/rnn';
import { ACTIVATION_CASES } from './activation-cases';
import { type LayerCase, normal, simple, tokens } from './layer-case';

const IMAGES = [2, 3, 6, 6];

/** Dense, convolution, pooling, normalization, dropout, embedding, recurrent and container layers. */
const STRUCTURE_CASES: LayerCase[] = [
  simple('Linear', () => new Linear(4, 3, { seed: 1 }), [5, 4], 40),
  simple('Linear', () => new Linear(4, 2, { seed: 2, bias: false }), [2, 3, 4], 41),
  simple('Conv1d', () => new Conv1d(3, 4, 3, { seed: 3, padding: 1 }), [2, 3, 7], 42),
  simple('Conv2d', () => new Conv2d(3, 4, 3, { seed: 4, padding: 1 }), IMAGES, 43),
  simple('Conv2d', () => new Conv2d(3, 6, [3, 2], { seed: 5, stride: 2, groups: 3 }), IMAGES, 44),
  simple('MaxPool2d', () => new MaxPool2d(2), IMAGES, 45),
  simple('AvgPool2d', () => new AvgPool2d(3, { stride: 2, padding: 1 }), IMAGES, 46),
  simple('AdaptiveAvgPool2d', () => new AdaptiveAvgPool2d([2, 3]), IMAGES, 47),
  simple('AdaptiveMaxPool2d', () => new AdaptiveMaxPool2d(2), IMAGES, 48),
  simple('GlobalAvgPool', () => new GlobalAvgPool(), IMAGES, 49),
  simple('SpatialPyramidPool', () => new SpatialPyramidPool([1, 2]), IMAGES, 50),
  simple('Flatten', () => new Flatten(), IMAGES, 51),
  simple('Identity', () => new Identity(), [3, 4], 52),
  simple('BatchNorm1d', () => new BatchNorm1d(4), [6, 4], 53),
  simple('BatchNorm2d', () => new BatchNorm2d(3, { momentum: null }), IMAGES, 54),
  simple('LayerNorm', () => new LayerNorm([6]), [2, 3, 6], 55),
  simple('Dropout', () => new Dropout(0.3, { seed: 6 }), [4, 5], 56),
  simple('Dropout2d', () => new Dropout2d(0.5, { seed: 7 }), IMAGES, 57),
  simple('AlphaDropout', () => new AlphaDropout(0.2, { seed: 8 }), [4, 5], 58),
  {
    layer: 'Embedding',
    name: 'Embedding of token ids',
    build: () => new Embedding(7, 3, { seed: 9 }),
    inputs: () => [
      tokens([
        [1, 6, 0],
        [6, 2, 2],
      ]),
    ],
  },
  simple('RNN', () => new RNN(3, 4, { seed: 10, numLayers: 2 }), [5, 2, 3], 59),
  simple('LSTM', () => new LSTM(3, 4, { seed: 11, bidirectional: true }), [4, 2, 3], 60),
  simple('GRU', () => new GRU(3, 4, { seed: 12, batchFirst: true }), [2, 4, 3], 61),
  {
    layer: 'RNN',
    name: 'RNN with padded lengths',
    build: () => new RNN(3, 2, { seed: 13 }),
    inputs: () => [normal([4, 2, 3], 62)],
    call: (layer, [x]) => (layer as RNN).call(x, undefined, { lengths: tensor([4, 2], { dtype: 'int32' }) }),
  },
  simple('RNNCell', () => new RNNCell(3, 4, { seed: 14 }), [2, 3], 63),
  simple('LSTMCell', () => new LSTMCell(3, 4, { seed: 15 }), [2, 3], 64),
  simple('GRUCell', () => new GRUCell(3, 4, { seed: 16 }), [2, 3], 65),
  simple(
    'Sequential',
    () => new Sequential(new Linear(4, 5, { seed: 17 }), new ReLU(), new Linear(5, 2, { seed: 18 })),
    [3, 4],
    66,
  ),
  simple(
    'Residual',
    () => new Residual(new Sequential(new Linear(4, 4, { seed: 19 }), new Tanh())),
    [3, 4],
    67,
  ),
];

/** Every layer type of @nagare/layers, each with seeded weights and inputs (a test keeps it complete). */
export const LAYER_CASES: readonly LayerCase[] = [...ACTIVATION_CASES, ...STRUCTURE_CASES];
