import { type DType, type KernelTensor, promoteTypes } from '@nagare/tensor';
import { writeBroadcastParams } from './broadcast';
import { dtypeCode, type KernelContext, pointerOf, type WasmKernel, withDType } from './context';
import { COST_MEMORY, COST_SCALAR_MATH } from './costs';
import * as OP from './opcodes';

type BinaryName =
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

const CODES: Record<BinaryName, number> = {
  add: OP.BINARY_ADD,
  sub: OP.BINARY_SUB,
  mul: OP.BINARY_MUL,
  div: OP.BINARY_DIV,
  pow: OP.BINARY_POW,
  maximum: OP.BINARY_MAXIMUM,
  minimum: OP.BINARY_MINIMUM,
  eq: OP.BINARY_EQ,
  ne: OP.BINARY_NE,
  lt: OP.BINARY_LT,
  le: OP.BINARY_LE,
  gt: OP.BINARY_GT,
  ge: OP.BINARY_GE,
  logicalAnd: OP.BINARY_LOGICAL_AND,
  logicalOr: OP.BINARY_LOGICAL_OR,
};

/** The dtype both operands are converted to before the kernel runs. */
function computeDType(code: number, a: DType, b: DType, out: DType): DType {
  if (code < OP.BINARY_EQ) return out; // arithmetic: the output dtype (div: the float dtype)
  if (code >= OP.BINARY_LOGICAL_AND) return 'bool';
  return promoteTypes(a, b);
}

function runBinary(
  context: KernelContext,
  code: number,
  dtype: DType,
  a: KernelTensor,
  b: KernelTensor,
  pa: number,
  pb: number,
  y: KernelTensor,
): void {
  const kernelDType = dtypeCode(dtype);
  const cost = code === OP.BINARY_POW ? COST_SCALAR_MATH : COST_MEMORY;
  const size = y.size;
  // Fast paths: same shape (or one operand a single value); no parameter block needed.
  if ((a.size === size || a.size === 1) && (b.size === size || b.size === 1)) {
    const mode =
      a.size === size
        ? b.size === size || size === 1
          ? OP.RUN_VECTOR_VECTOR
          : OP.RUN_VECTOR_SCALAR
        : b.size === size
          ? OP.RUN_SCALAR_VECTOR
          : OP.RUN_SCALAR_SCALAR;
    context.tasks.run('binaryFlat', size, cost, 0, kernelDType, code, mode, pa, pb, pointerOf(y));
    return;
  }
  const rows = writeBroadcastParams(context.heap, context.params, y.shape, [a.shape, b.shape]);
  context.tasks.run(
    'binaryStrided',
    rows,
    (size / rows) * cost,
    0,
    kernelDType,
    code,
    pa,
    pb,
    pointerOf(y),
    context.params,
  );
}

function binaryKernel(name: BinaryName): WasmKernel<BinaryName> {
  const code = CODES[name];
  return {
    supports: () => true,
    run(context, inputs, _attrs, outputs) {
      const a = inputs[0];
      const b = inputs[1];
      const y = outputs[0];
      const dtype = computeDType(code, a.dtype, b.dtype, y.dtype);
      if (a.dtype === dtype && b.dtype === dtype) {
        runBinary(context, code, dtype, a, b, pointerOf(a), pointerOf(b), y);
        return;
      }
      withDType(context, a, dtype, (pa) =>
        withDType(context, b, dtype, (pb) => runBinary(context, code, dtype, a, b, pa, pb, y)),
      );
    },
  };
}

export const binaryKernels = Object.fromEntries(
  (Object.keys(CODES) as BinaryName[]).map((name) => [name, binaryKernel(name)]),
) as { [K in BinaryName]: WasmKernel<K> };
