import { GLU, LogSoftmax, Maxout, Softmax, Softmax2d, Softmin } from '../activations/axis-modules';
import { HardSigmoid, HardSwish, Hardshrink, Hardtanh, Softshrink, Step } from '../activations/hard-modules';
import { PReLU } from '../activations/prelu';
import { CELU, ELU, LeakyReLU, ReLU, ReLU6, SELU, Threshold } from '../activations/rectifier-modules';
import { RReLU } from '../activations/rrelu';
import {
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
} from '../activations/smooth-modules';
import { type LayerCase, simple } from './layer-case';

const X = [3, 4];

/** Every activation module on a [3, 4] batch (PReLU and Softmax2d on their own shapes). */
export const ACTIVATION_CASES: LayerCase[] = [
  simple('ReLU', () => new ReLU(), X, 1),
  simple('ReLU6', () => new ReLU6(), X, 2),
  simple('LeakyReLU', () => new LeakyReLU(0.1), X, 3),
  simple('ELU', () => new ELU(0.7), X, 4),
  simple('CELU', () => new CELU(1.3), X, 5),
  simple('SELU', () => new SELU(), X, 6),
  simple('Threshold', () => new Threshold(0.2, -1), X, 7),
  simple('PReLU', () => new PReLU(4), X, 8),
  simple('RReLU', () => new RReLU(0.1, 0.3, { seed: 3 }), X, 9),
  simple('HardSigmoid', () => new HardSigmoid(), X, 10),
  simple('HardSwish', () => new HardSwish(), X, 11),
  simple('Hardtanh', () => new Hardtanh(-0.5, 0.8), X, 12),
  simple('Hardshrink', () => new Hardshrink(0.3), X, 13),
  simple('Softshrink', () => new Softshrink(0.3), X, 14),
  simple('Step', () => new Step(), X, 15),
  simple('Sigmoid', () => new Sigmoid(), X, 16),
  simple('Tanh', () => new Tanh(), X, 17),
  simple('Tanhshrink', () => new Tanhshrink(), X, 18),
  simple('Softplus', () => new Softplus(), X, 19),
  simple('Softsign', () => new Softsign(), X, 20),
  simple('GELU', () => new GELU(), X, 21),
  simple('GELU', () => new GELU({ approximate: 'tanh' }), [2, 5], 22),
  simple('SiLU', () => new SiLU(), X, 23),
  simple('Swish', () => new Swish(), X, 24),
  simple('Mish', () => new Mish(), X, 25),
  simple('LogSigmoid', () => new LogSigmoid(), X, 26),
  simple('Cos', () => new Cos(), X, 27),
  simple('Softmax', () => new Softmax(), X, 28),
  simple('LogSoftmax', () => new LogSoftmax(0), X, 29),
  simple('Softmin', () => new Softmin(), X, 30),
  simple('Softmax2d', () => new Softmax2d(), [1, 3, 2, 2], 31),
  simple('GLU', () => new GLU(), X, 32),
  simple('Maxout', () => new Maxout(2), X, 33),
];
