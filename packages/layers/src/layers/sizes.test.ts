import { ArgumentError } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { GRUCell, LSTMCell, RNNCell } from '../recurrent/cells';
import { GRU } from '../recurrent/gru';
import { LSTM } from '../recurrent/lstm';
import { RNN } from '../recurrent/rnn';
import { AdaptiveAvgPool2d, AdaptiveMaxPool2d } from './adaptive-pool';
import { BatchNorm1d, BatchNorm2d } from './batch-norm';
import { Conv1d } from './conv1d';
import { Conv2d } from './conv2d';
import { Embedding } from './embedding';
import { Linear } from './linear';
import { AvgPool2d, MaxPool2d } from './pool2d';

// Each bad size must be an ArgumentError naming the layer and the argument, thrown by the layer
// itself (never an initializer's message such as "init.uniform: low must be finite").
const CASES: [string, () => unknown, string, string][] = [
  ['Linear(0, 3)', () => new Linear(0, 3), 'Linear', 'Linear: inFeatures must be a positive integer, got 0'],
  ['Linear(3, 0)', () => new Linear(3, 0), 'Linear', 'Linear: outFeatures must be a positive integer, got 0'],
  ['Linear(2.5, 3)', () => new Linear(2.5, 3), 'Linear', 'inFeatures must be a positive integer, got 2.5'],
  [
    "Linear('3', 3)",
    () => new Linear('3' as never, 3),
    'Linear',
    'inFeatures must be a positive integer, got "3"',
  ],
  [
    'Conv2d(0, 1, 3)',
    () => new Conv2d(0, 1, 3),
    'Conv2d',
    'Conv2d: inChannels must be a positive integer, got 0',
  ],
  ['Conv2d(1, 0, 3)', () => new Conv2d(1, 0, 3), 'Conv2d', 'outChannels must be a positive integer, got 0'],
  [
    'Conv2d(1, 1, 0)',
    () => new Conv2d(1, 1, 0),
    'Conv2d',
    'kernelSize must be positive integers, got [0, 0]',
  ],
  ['Conv2d stride 0', () => new Conv2d(1, 1, 3, { stride: 0 }), 'Conv2d', 'stride must be positive integers'],
  [
    'Conv2d dilation 0',
    () => new Conv2d(1, 1, 3, { dilation: [1, 0] }),
    'Conv2d',
    'dilation must be positive',
  ],
  ['Conv1d(0, 1, 3)', () => new Conv1d(0, 1, 3), 'Conv1d', 'inChannels must be a positive integer, got 0'],
  [
    'Conv1d stride 0',
    () => new Conv1d(1, 1, 3, { stride: 0 }),
    'Conv1d',
    'stride must be a positive integer',
  ],
  ['RNN(3, 0)', () => new RNN(3, 0), 'RNN', 'RNN: hiddenSize must be a positive integer, got 0'],
  ['RNN(0, 3)', () => new RNN(0, 3), 'RNN', 'RNN: inputSize must be a positive integer, got 0'],
  ['LSTM(3, 0)', () => new LSTM(3, 0), 'LSTM', 'hiddenSize must be a positive integer'],
  ['GRU(3, 0)', () => new GRU(3, 0), 'GRU', 'hiddenSize must be a positive integer'],
  ['RNNCell(3, 0)', () => new RNNCell(3, 0), 'RNNCell', 'hiddenSize must be a positive integer'],
  ['LSTMCell(3, 0)', () => new LSTMCell(3, 0), 'LSTMCell', 'hiddenSize must be a positive integer'],
  ['GRUCell(0, 3)', () => new GRUCell(0, 3), 'GRUCell', 'inputSize must be a positive integer'],
  [
    'Embedding(0, 3)',
    () => new Embedding(0, 3),
    'Embedding',
    'numEmbeddings must be a positive integer, got 0',
  ],
  [
    'Embedding(3, 0)',
    () => new Embedding(3, 0),
    'Embedding',
    'embeddingDim must be a positive integer, got 0',
  ],
  [
    'BatchNorm1d(0)',
    () => new BatchNorm1d(0),
    'BatchNorm1d',
    'numFeatures must be a positive integer, got 0',
  ],
  [
    'BatchNorm2d(-2)',
    () => new BatchNorm2d(-2),
    'BatchNorm2d',
    'numFeatures must be a positive integer, got -2',
  ],
  ['MaxPool2d(0)', () => new MaxPool2d(0), 'MaxPool2d', 'kernelSize must be positive integers, got [0, 0]'],
  [
    'AvgPool2d stride 0',
    () => new AvgPool2d(2, { stride: 0 }),
    'AvgPool2d',
    'stride must be positive integers',
  ],
  [
    'AdaptiveAvgPool2d(0)',
    () => new AdaptiveAvgPool2d(0),
    'AdaptiveAvgPool2d',
    'outputSize must be positive',
  ],
  [
    'AdaptiveMaxPool2d([2, -1])',
    () => new AdaptiveMaxPool2d([2, -1]),
    'AdaptiveMaxPool2d',
    'outputSize must be',
  ],
];

describe('layer size arguments are checked at construction', () => {
  test.each(CASES)('%s is an ArgumentError naming the layer and the argument', (_, build, layer, message) => {
    let error: unknown;
    try {
      build();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ArgumentError);
    expect((error as ArgumentError).op).toBe(layer);
    expect((error as ArgumentError).message).toContain(message);
  });

  test('adaptive pools still accept null to keep an input axis', () => {
    expect(new AdaptiveAvgPool2d([null, 2]).outputSize).toEqual([null, 2]);
  });
});
