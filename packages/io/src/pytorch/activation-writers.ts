import {
  type AnyModule,
  CELU,
  Cos,
  ELU,
  GELU,
  GLU,
  GRU,
  HardSigmoid,
  HardSwish,
  Hardshrink,
  Hardtanh,
  LeakyReLU,
  LogSigmoid,
  LogSoftmax,
  LSTM,
  Mish,
  PReLU,
  ReLU,
  ReLU6,
  RNN,
  RReLU,
  SELU,
  Sigmoid,
  SiLU,
  Softmax,
  Softmax2d,
  Softmin,
  Softplus,
  Softshrink,
  Softsign,
  Step,
  Tanh,
  Tanhshrink,
  Threshold,
} from '@nagare/layers';
import { PyTorchExportError } from '../errors/pytorch-export-error';
import { isExactly, type LayerWriter, type WriterContext } from './layer-writers';
import { call, type PyExpr, pyBool, pyFloat, pyInt, pyString } from './python-expression';

/** Parameter-free activations that are the torch.nn layer of the same (PyTorch) name. */
const PLAIN: readonly (readonly [new (...args: never[]) => AnyModule, string])[] = [
  [ReLU, 'nn.ReLU'],
  [Sigmoid, 'nn.Sigmoid'],
  [Tanh, 'nn.Tanh'],
  [SELU, 'nn.SELU'],
  [Softsign, 'nn.Softsign'],
  [SiLU, 'nn.SiLU'],
  [Mish, 'nn.Mish'],
  [HardSwish, 'nn.Hardswish'],
  [ReLU6, 'nn.ReLU6'],
  [LogSigmoid, 'nn.LogSigmoid'],
  [Tanhshrink, 'nn.Tanhshrink'],
  [Softmax2d, 'nn.Softmax2d'],
  // No torch.nn layer: small classes defined in model.py (see python-helpers.ts).
  [Step, 'Step'],
  [Cos, 'Cos'],
];

function hardSigmoid(module: HardSigmoid, context: WriterContext): PyExpr {
  const { alpha = 1 / 6, beta = 0.5 } = module.options;
  if (alpha !== 1 / 6 || beta !== 0.5)
    throw new PyTorchExportError(
      context.path,
      'HardSigmoid',
      `has the line ${alpha}·x + ${beta}; nn.Hardsigmoid is fixed at x/6 + 1/2`,
    );
  return call('nn.Hardsigmoid');
}

/** The writers of nagare's activation layers. */
export const ACTIVATION_WRITERS: readonly LayerWriter[] = [
  (m) => {
    const name = PLAIN.find(([type]) => m.constructor === type)?.[1];
    return name === undefined ? null : call(name);
  },
  (m) => (isExactly(m, LeakyReLU) ? call('nn.LeakyReLU', [pyFloat(m.negativeSlope)]) : null),
  (m) => (isExactly(m, ELU) ? call('nn.ELU', [], { alpha: pyFloat(m.alpha) }) : null),
  (m) => (isExactly(m, CELU) ? call('nn.CELU', [], { alpha: pyFloat(m.alpha) }) : null),
  (m) =>
    isExactly(m, Softplus)
      ? call('nn.Softplus', [], {
          beta: pyFloat(m.options.beta ?? 1),
          threshold: pyFloat(m.options.threshold ?? 20),
        })
      : null,
  (m) =>
    isExactly(m, GELU)
      ? call('nn.GELU', [], { approximate: m.options.approximate === 'tanh' ? pyString('tanh') : undefined })
      : null,
  (m, c) => (isExactly(m, HardSigmoid) ? hardSigmoid(m, c) : null),
  (m) => (isExactly(m, Softmax) ? call('nn.Softmax', [], { dim: pyInt(m.axis) }) : null),
  (m) => (isExactly(m, LogSoftmax) ? call('nn.LogSoftmax', [], { dim: pyInt(m.axis) }) : null),
  (m) => (isExactly(m, PReLU) ? call('nn.PReLU', [], { num_parameters: pyInt(m.numWeights) }) : null),
  (m) => (isExactly(m, Softmin) ? call('nn.Softmin', [], { dim: pyInt(m.axis) }) : null),
  (m) => (isExactly(m, GLU) ? call('nn.GLU', [], { dim: pyInt(m.axis) }) : null),
  (m) => (isExactly(m, Hardtanh) ? call('nn.Hardtanh', [pyFloat(m.minVal), pyFloat(m.maxVal)]) : null),
  (m) => (isExactly(m, Hardshrink) ? call('nn.Hardshrink', [pyFloat(m.lambd)]) : null),
  (m) => (isExactly(m, Softshrink) ? call('nn.Softshrink', [pyFloat(m.lambd)]) : null),
  (m) => (isExactly(m, Threshold) ? call('nn.Threshold', [pyFloat(m.threshold), pyFloat(m.value)]) : null),
  // In evaluation mode both use the fixed mean slope; in training both draw random slopes.
  (m) => (isExactly(m, RReLU) ? call('nn.RReLU', [pyFloat(m.lower), pyFloat(m.upper)]) : null),
];

function recurrent(module: RNN | LSTM | GRU, context: WriterContext): PyExpr {
  const fail = (detail: string) => new PyTorchExportError(context.path, module.constructor.name, detail);
  let kind: string;
  const extra: Record<string, PyExpr | undefined> = {};
  if (module instanceof LSTM) {
    if (module.peepholes) throw fail('has peephole weights, which nn.LSTM lacks');
    kind = 'nn.LSTM';
    extra.proj_size = module.projSize > 0 ? pyInt(module.projSize) : undefined;
  } else if (module instanceof GRU) {
    if (!module.resetAfter)
      throw fail('applies its reset gate before the matmul (resetAfter: false); nn.GRU applies it after');
    kind = 'nn.GRU';
  } else {
    kind = 'nn.RNN';
    extra.nonlinearity = module.nonlinearity === 'tanh' ? undefined : pyString(module.nonlinearity);
  }
  return call(kind, [pyInt(module.inputSize), pyInt(module.hiddenSize)], {
    num_layers: module.numLayers === 1 ? undefined : pyInt(module.numLayers),
    bias: module.hasBias ? undefined : pyBool(false),
    batch_first: module.batchFirst ? pyBool(true) : undefined,
    dropout: module.dropout === 0 ? undefined : pyFloat(module.dropout),
    bidirectional: module.bidirectional ? pyBool(true) : undefined,
    ...extra,
  });
}

/** The writer of nagare's RNN, LSTM and GRU: nn.RNN, nn.LSTM and nn.GRU with the same weights' layout. */
export const RECURRENT_WRITER: LayerWriter = (m, c) =>
  isExactly(m, RNN) || isExactly(m, LSTM) || isExactly(m, GRU) ? recurrent(m, c) : null;
