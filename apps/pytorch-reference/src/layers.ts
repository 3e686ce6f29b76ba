// How nagare builds and calls each layer of fixtures/layers.json, through the public API.
import * as nn from '@nagare/layers';
import type { Tensor } from '@nagare/tensor';

// biome-ignore lint/suspicious/noExplicitAny: constructor arguments and options come from JSON as nagare names them.
type Json = any;

/** A layer of any forward signature (the suite only calls it and reads its tensors). */
export type AnyLayer = nn.Module<Json[], Json>;

const withDType = (options: Json, dtype: nn.FloatDType) => ({ ...options, dtype });

/** Each fixture layer: its nagare constructor from the case's arguments and options. */
export const LAYERS: Record<string, (args: Json[], options: Json, dtype: nn.FloatDType) => AnyLayer> = {
  Linear: ([i, o], options, dtype) => new nn.Linear(i, o, withDType(options, dtype)),
  Conv1d: ([i, o, k], options, dtype) => new nn.Conv1d(i, o, k, withDType(options, dtype)),
  Conv2d: ([i, o, k], options, dtype) => new nn.Conv2d(i, o, k, withDType(options, dtype)),
  BatchNorm1d: ([c], options, dtype) => new nn.BatchNorm1d(c, withDType(options, dtype)),
  BatchNorm2d: ([c], options, dtype) => new nn.BatchNorm2d(c, withDType(options, dtype)),
  LayerNorm: ([shape], options, dtype) => new nn.LayerNorm(shape, withDType(options, dtype)),
  Embedding: ([n, d], options, dtype) => new nn.Embedding(n, d, withDType(options, dtype)),
  MaxPool2d: ([k], options) => new nn.MaxPool2d(k, options),
  AvgPool2d: ([k], options) => new nn.AvgPool2d(k, options),
  AdaptiveAvgPool2d: ([size]) => new nn.AdaptiveAvgPool2d(size),
  AdaptiveMaxPool2d: ([size]) => new nn.AdaptiveMaxPool2d(size),
  Flatten: () => new nn.Flatten(),
  PReLU: ([n], options, dtype) => new nn.PReLU(n, withDType(options, dtype)),
  RNN: ([i, h], options, dtype) => new nn.RNN(i, h, withDType(options, dtype)),
  GRU: ([i, h], options, dtype) => new nn.GRU(i, h, withDType(options, dtype)),
  LSTM: ([i, h], options, dtype) => new nn.LSTM(i, h, withDType(options, dtype)),
  RNNCell: ([i, h], options, dtype) => new nn.RNNCell(i, h, withDType(options, dtype)),
  GRUCell: ([i, h], options, dtype) => new nn.GRUCell(i, h, withDType(options, dtype)),
  LSTMCell: ([i, h], options, dtype) => new nn.LSTMCell(i, h, withDType(options, dtype)),
  Dropout: ([p]) => new nn.Dropout(p),
  Dropout2d: ([p]) => new nn.Dropout2d(p),
  AlphaDropout: ([p]) => new nn.AlphaDropout(p),
  Identity: () => new nn.Identity(),
  // A Sequential's state dict names its children by position ("0.weight", "2.bias"), as PyTorch's.
  LinearTanhLinear: ([i, h, o], _, dtype) =>
    new nn.Sequential(new nn.Linear(i, h, { dtype }), new nn.Tanh(), new nn.Linear(h, o, { dtype })),
};

/** Calls a layer as PyTorch's test did: an LSTM's (h, c) state is passed as one pair. */
export function callLayer(name: string, layer: AnyLayer, inputs: Tensor[]): unknown {
  if ((name === 'LSTM' || name === 'LSTMCell') && inputs.length === 3) {
    return layer.call(inputs[0], [inputs[1], inputs[2]]);
  }
  return layer.call(...inputs);
}

/** A layer's result as a flat list of tensors, in PyTorch's order (output, h, c). */
export function flattenOutputs(result: unknown): Tensor[] {
  if (Array.isArray(result)) return result.flatMap(flattenOutputs);
  return [result as Tensor];
}
