import { type DType, type KernelTensor, UnsupportedOpError } from '@nagare/tensor';
import { convert, dtypeCode, type KernelContext, pointerOf, type WasmKernel } from './context';
import { COST_MEMORY, COST_SCALAR_MATH, COST_TRANSCENDENTAL } from './costs';
import * as OP from './opcodes';

type UnaryName =
  | 'neg'
  | 'abs'
  | 'sign'
  | 'square'
  | 'relu'
  | 'step'
  | 'floor'
  | 'ceil'
  | 'round'
  | 'exp'
  | 'expm1'
  | 'log'
  | 'log1p'
  | 'sqrt'
  | 'rsqrt'
  | 'reciprocal'
  | 'sin'
  | 'cos'
  | 'tanh'
  | 'sigmoid'
  | 'softplus'
  | 'erf'
  | 'logicalNot'
  | 'isNaN';

const CODES: Record<UnaryName, number> = {
  neg: OP.UNARY_NEG,
  abs: OP.UNARY_ABS,
  sign: OP.UNARY_SIGN,
  square: OP.UNARY_SQUARE,
  relu: OP.UNARY_RELU,
  step: OP.UNARY_STEP,
  floor: OP.UNARY_FLOOR,
  ceil: OP.UNARY_CEIL,
  round: OP.UNARY_ROUND,
  exp: OP.UNARY_EXP,
  expm1: OP.UNARY_EXPM1,
  log: OP.UNARY_LOG,
  log1p: OP.UNARY_LOG1P,
  sqrt: OP.UNARY_SQRT,
  rsqrt: OP.UNARY_RSQRT,
  reciprocal: OP.UNARY_RECIPROCAL,
  sin: OP.UNARY_SIN,
  cos: OP.UNARY_COS,
  tanh: OP.UNARY_TANH,
  sigmoid: OP.UNARY_SIGMOID,
  softplus: OP.UNARY_SOFTPLUS,
  erf: OP.UNARY_ERF,
  logicalNot: OP.UNARY_LOGICAL_NOT,
  isNaN: OP.UNARY_IS_NAN,
};

/** Vectorised transcendental approximations. */
const TRANSCENDENTAL = new Set<UnaryName>([
  'exp',
  'expm1',
  'log',
  'log1p',
  'sin',
  'cos',
  'tanh',
  'sigmoid',
  'softplus',
  'erf',
]);

function unaryCost(name: UnaryName): number {
  return TRANSCENDENTAL.has(name) ? COST_TRANSCENDENTAL : COST_MEMORY;
}

function runFloat32(context: KernelContext, name: UnaryName, x: number, y: number, size: number): void {
  context.tasks.run('unaryF32', size, unaryCost(name), 0, CODES[name], x, y);
}

/**
 * A float op on int32 or bool input: computed in float64 and rounded once into the float32
 * output, as the js reference does (sin of 2^31 − 1 must not become sin of 2^31).
 */
function runIntegerAsFloat(context: KernelContext, code: number, x: KernelTensor, y: KernelTensor): void {
  const bytes = Math.max(x.size * 8, 8);
  const wide = context.heap.allocate(bytes);
  try {
    convert(context, x.dtype, 'float64', pointerOf(x), wide, x.size);
    context.tasks.run('unaryF64', x.size, COST_SCALAR_MATH, 0, code, wide, wide);
    convert(context, 'float64', 'float32', wide, pointerOf(y), y.size);
  } finally {
    context.heap.free(wide, bytes);
  }
}

function unaryKernel(name: UnaryName): WasmKernel<UnaryName> {
  const code = CODES[name];
  return {
    supports: () => true,
    run(context, inputs, _attrs, outputs) {
      const x: KernelTensor = inputs[0];
      const y: KernelTensor = outputs[0];
      const out = pointerOf(y);
      const { tasks } = context;
      switch (y.dtype) {
        case 'bool':
          tasks.run('unaryToBool', y.size, COST_MEMORY, 0, code, dtypeCode(x.dtype), pointerOf(x), out);
          return;
        case 'float32':
          if (x.dtype === 'float32') runFloat32(context, name, pointerOf(x), out, y.size);
          else runIntegerAsFloat(context, code, x, y);
          return;
        case 'float64':
          tasks.run('unaryF64', y.size, COST_SCALAR_MATH, 0, code, pointerOf(x), out);
          return;
        case 'int32':
          tasks.run('unaryI32', y.size, COST_MEMORY, 0, code, pointerOf(x), out);
          return;
        default:
          throw new UnsupportedOpError(name, x.dtype, 'wasm');
      }
    },
  };
}

export const unaryKernels = Object.fromEntries(
  (Object.keys(CODES) as UnaryName[]).map((name) => [name, unaryKernel(name)]),
) as { [K in UnaryName]: WasmKernel<K> };

export const clipKernel: WasmKernel<'clip'> = {
  supports: (dtype: DType) => dtype !== 'bool',
  run(context, [x], { min, max }, [y]) {
    if (x.dtype === 'bool') throw new UnsupportedOpError('clip', x.dtype, 'wasm');
    context.tasks.run(
      'clip',
      y.size,
      COST_MEMORY,
      0,
      dtypeCode(x.dtype),
      pointerOf(x),
      pointerOf(y),
      min,
      max,
    );
  },
};

/** Copies `x` into `y`, converting to `y`'s dtype, split over the threads. */
function copyConverting(context: KernelContext, x: KernelTensor, y: KernelTensor): void {
  context.tasks.run('cast', y.size, 1, 0, dtypeCode(x.dtype), dtypeCode(y.dtype), pointerOf(x), pointerOf(y));
}

export const castKernel: WasmKernel<'cast'> = {
  supports: () => true,
  run: (context, [x], _attrs, [y]) => copyConverting(context, x, y),
};

/** reshape is a view op (the engine shares the buffer); the kernel is a plain copy if ever called. */
export const reshapeKernel: WasmKernel<'reshape'> = {
  supports: () => true,
  run: (context, [x], _attrs, [y]) => copyConverting(context, x, y),
};
