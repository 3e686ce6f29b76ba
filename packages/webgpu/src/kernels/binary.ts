import { type DType, type KernelTensor, promoteTypes } from '@nagare/tensor';
import { Params } from '../runtime/params';
import { POW_WGSL } from './binary-math';
import { broadcastIndexing } from './broadcast';
import { ANY_GPU_DTYPE, bufferOf, type KernelContext, type WebGPUKernel } from './context';
import {
  convert,
  elementwiseShader,
  FLOAT_HELPERS,
  groupsFor,
  STRIDED_INDEX,
  storage,
  wgslType,
} from './wgsl';

type BinaryOpName =
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'pow'
  | 'maximum'
  | 'minimum'
  | 'eq'
  | 'ne'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge'
  | 'logicalAnd'
  | 'logicalOr';

/** f32 expressions of `a` and `b`; comparisons treat NaN explicitly (WGSL may assume no NaN). */
const FLOAT_EXPRESSIONS: Record<BinaryOpName, string> = {
  add: 'a + b',
  sub: 'a - b',
  mul: 'a * b',
  div: 'a / b',
  pow: 'powf(a, b)',
  // NaN wins from either side, as in the js backend (a > b || isNaN(a) ? a : b).
  maximum: 'select(b, a, a > b || isNan(a))',
  minimum: 'select(b, a, a < b || isNan(a))',
  eq: 'select(0u, 1u, a == b && !isNan(a) && !isNan(b))',
  ne: 'select(0u, 1u, a != b || isNan(a) || isNan(b))',
  lt: 'select(0u, 1u, a < b && !isNan(a) && !isNan(b))',
  le: 'select(0u, 1u, a <= b && !isNan(a) && !isNan(b))',
  gt: 'select(0u, 1u, a > b && !isNan(a) && !isNan(b))',
  ge: 'select(0u, 1u, a >= b && !isNan(a) && !isNan(b))',
  // NaN is truthy (NaN !== 0), but a GPU may fold `NaN != 0.0` to false: test NaN by its bits.
  logicalAnd: 'select(0u, 1u, (a != 0.0 || isNan(a)) && (b != 0.0 || isNan(b)))',
  logicalOr: 'select(0u, 1u, a != 0.0 || isNan(a) || b != 0.0 || isNan(b))',
};

/** i32/u32 expressions: wrapping arithmetic, as the js backend's Int32Array stores give. */
function integerExpression(op: BinaryOpName, type: 'i32' | 'u32'): string {
  const zero = `${type}(0)`;
  const comparisons: Partial<Record<BinaryOpName, string>> = {
    eq: '==',
    ne: '!=',
    lt: '<',
    le: '<=',
    gt: '>',
    ge: '>=',
  };
  if (comparisons[op]) return `select(0u, 1u, a ${comparisons[op]} b)`;
  if (op === 'logicalAnd') return `select(0u, 1u, a != ${zero} && b != ${zero})`;
  if (op === 'logicalOr') return `select(0u, 1u, a != ${zero} || b != ${zero})`;
  const arithmetic: Partial<Record<BinaryOpName, string>> = {
    add: 'a + b',
    sub: 'a - b',
    mul: 'a * b',
    pow: 'powi(a, b)',
    maximum: 'max(a, b)',
    minimum: 'min(a, b)',
  };
  return arithmetic[op] ?? 'a / b';
}

const COMPARE_OR_LOGICAL = new Set<BinaryOpName>([
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'logicalAnd',
  'logicalOr',
]);

/** The dtype the op computes in: the output's for arithmetic, the promoted inputs' for comparisons. */
function computeDType(op: BinaryOpName, a: DType, b: DType, out: DType): DType {
  return COMPARE_OR_LOGICAL.has(op) ? promoteTypes(a, b) : out;
}

function binaryShader(
  op: BinaryOpName,
  a: KernelTensor,
  b: KernelTensor,
  y: KernelTensor,
  index: string[],
): string {
  const compute = wgslType(computeDType(op, a.dtype, b.dtype, y.dtype));
  const value = compute === 'f32' ? FLOAT_EXPRESSIONS[op] : integerExpression(op, compute);
  const body = `let a = ${convert(`ina[${index[0]}]`, wgslType(a.dtype), compute)};
  let b = ${convert(`inb[${index[1]}]`, wgslType(b.dtype), compute)};
  y[i] = ${value};`;
  const declarations = [
    storage(1, 'ina', a.dtype, 'read'),
    storage(2, 'inb', b.dtype, 'read'),
    storage(3, 'y', y.dtype, 'read_write'),
    FLOAT_HELPERS,
    STRIDED_INDEX,
    POW_WGSL,
  ];
  return elementwiseShader(declarations, body);
}

function binaryKernel(op: BinaryOpName): WebGPUKernel<BinaryOpName> {
  return {
    supports: ANY_GPU_DTYPE,
    run(context: KernelContext, [a, b], _attrs, [y]) {
      const params = new Params().u32(y.size);
      const index = broadcastIndexing(params, [a, b], y);
      context.dispatch({
        source: binaryShader(op, a, b, y, index),
        buffers: [bufferOf(a), bufferOf(b), bufferOf(y)],
        params,
        workgroups: groupsFor(y.size),
      });
    },
  };
}

/** Every binary op's kernel, broadcasting in the shader through per-operand strides. */
export const binaryKernels = Object.fromEntries(
  Object.keys(FLOAT_EXPRESSIONS).map((op) => [op, binaryKernel(op as BinaryOpName)]),
) as { [K in BinaryOpName]: WebGPUKernel<K> };

/** where(condition, a, b): all three broadcast in the shader; a and b share the output dtype. */
export const whereKernel: WebGPUKernel<'where'> = {
  supports: ANY_GPU_DTYPE,
  run(context, [c, a, b], _attrs, [y]) {
    const params = new Params().u32(y.size);
    const [ic, ia, ib] = broadcastIndexing(params, [c, a, b], y);
    const declarations = [
      storage(1, 'cond', c.dtype, 'read'),
      storage(2, 'ina', a.dtype, 'read'),
      storage(3, 'inb', b.dtype, 'read'),
      storage(4, 'y', y.dtype, 'read_write'),
      STRIDED_INDEX,
    ];
    context.dispatch({
      source: elementwiseShader(declarations, `y[i] = select(inb[${ib}], ina[${ia}], cond[${ic}] != 0u);`),
      buffers: [bufferOf(c), bufferOf(a), bufferOf(b), bufferOf(y)],
      params,
      workgroups: groupsFor(y.size),
    });
  },
};
