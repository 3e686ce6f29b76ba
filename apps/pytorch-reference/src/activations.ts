// How nagare computes each activation of fixtures/activations.json, through the public API.
import * as nn from '@nagare/layers';
import { cos, logSoftmax, relu, sigmoid, softmax, type Tensor, tanh, tensor } from '@nagare/tensor';

type Options = Record<string, number | string | number[] | undefined>;
const num = (options: Options, key: string) => options[key] as number | undefined;

/** Each fixture op: nagare's function of the input and the case's options (named as nagare names them). */
export const ACTIVATIONS: Record<string, (x: Tensor, options: Options) => Tensor> = {
  relu: (x) => relu(x),
  leakyRelu: (x, o) => nn.leakyRelu(x, num(o, 'negativeSlope')),
  elu: (x, o) => nn.elu(x, num(o, 'alpha')),
  selu: (x) => nn.selu(x),
  celu: (x, o) => nn.celu(x, num(o, 'alpha')),
  sigmoid: (x) => sigmoid(x),
  tanh: (x) => tanh(x),
  logSigmoid: (x) => nn.logSigmoid(x),
  softplus: (x, o) => nn.softplus(x, { beta: num(o, 'beta'), threshold: num(o, 'threshold') }),
  softsign: (x) => nn.softsign(x),
  gelu: (x, o) => nn.gelu(x, { approximate: o.approximate as 'tanh' | undefined }),
  silu: (x) => nn.silu(x),
  mish: (x) => nn.mish(x),
  hardSigmoid: (x) => nn.hardSigmoid(x),
  hardSwish: (x) => nn.hardSwish(x),
  hardtanh: (x, o) => nn.hardtanh(x, num(o, 'minVal'), num(o, 'maxVal')),
  relu6: (x) => nn.relu6(x),
  hardshrink: (x, o) => nn.hardshrink(x, num(o, 'lambd')),
  softshrink: (x, o) => nn.softshrink(x, num(o, 'lambd')),
  tanhshrink: (x) => nn.tanhshrink(x),
  threshold: (x, o) => nn.threshold(x, num(o, 'threshold') as number, num(o, 'value') as number),
  rrelu: (x, o) => nn.rrelu(x, { lower: num(o, 'lower'), upper: num(o, 'upper') }),
  prelu: (x, o) => nn.prelu(x, tensor(o.weight as number[], { dtype: x.dtype })),
  cos: (x) => cos(x),
  softmax: (x, o) => softmax(x, num(o, 'axis')),
  logSoftmax: (x, o) => logSoftmax(x, num(o, 'axis')),
  softmin: (x, o) => nn.softmin(x, num(o, 'axis')),
  glu: (x, o) => nn.glu(x, num(o, 'axis')),
  softmax2d: (x) => new nn.Softmax2d().call(x),
};
