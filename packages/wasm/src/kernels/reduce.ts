import { type DType, type KernelTensor, type ReduceAttrs, UnsupportedOpError } from '@nagare/tensor';
import {
  convert,
  dtypeCode,
  elementBytes,
  type KernelContext,
  pointerOf,
  type WasmKernel,
  withDType,
} from './context';
import { COST_MEMORY, COST_TRANSCENDENTAL } from './costs';
import * as OP from './opcodes';

type ReduceName = 'sum' | 'prod' | 'max' | 'min';

const CODES: Record<ReduceName, number> = {
  sum: OP.REDUCE_SUM,
  prod: OP.REDUCE_PROD,
  max: OP.REDUCE_MAX,
  min: OP.REDUCE_MIN,
};

interface AxisGroup {
  length: number;
  isReduced: boolean;
}

/** Merges neighbouring axes that are all reduced or all kept; length-1 axes disappear. */
function groupAxes(shape: readonly number[], axes: readonly number[]): AxisGroup[] {
  const groups: AxisGroup[] = [];
  shape.forEach((length, axis) => {
    if (length === 1) return;
    const isReduced = axes.includes(axis);
    const last = groups[groups.length - 1];
    if (last && last.isReduced === isReduced) last.length *= length;
    else groups.push({ length, isReduced });
  });
  return groups;
}

/** Reduces the middle axis of a [outer, n, inner] view of `x` into `y`. */
function reduceMiddle(
  context: KernelContext,
  code: number,
  dtype: DType,
  x: number,
  y: number,
  outer: number,
  n: number,
  inner: number,
): void {
  if (dtype === 'float32') {
    const needsScratch = inner > 1 && (code === OP.REDUCE_SUM || code === OP.REDUCE_PROD);
    context.tasks.run(
      'reduceF32',
      outer,
      n * inner * COST_MEMORY,
      needsScratch ? inner * 8 : 0,
      code,
      x,
      y,
      n,
      inner,
    );
  } else {
    context.tasks.run(
      'reduceScalar',
      outer,
      n * inner * COST_TRANSCENDENTAL,
      0,
      dtypeCode(dtype),
      code,
      x,
      y,
      n,
      inner,
    );
  }
}

/** Reduces the reduced groups one at a time, innermost first, through temporary buffers. */
function reduceGroups(
  context: KernelContext,
  code: number,
  dtype: DType,
  x: number,
  y: number,
  groups: AxisGroup[],
): void {
  const bytes = elementBytes(dtype);
  let source = x;
  let sourceBytes = 0; // 0: `source` is the input, not a temporary
  let remaining = groups;
  for (;;) {
    const index = remaining.map((g) => g.isReduced).lastIndexOf(true);
    const outer = remaining.slice(0, index).reduce((p, g) => p * g.length, 1);
    const inner = remaining.slice(index + 1).reduce((p, g) => p * g.length, 1);
    const isLast = remaining.findIndex((g) => g.isReduced) === index;
    const targetBytes = isLast ? 0 : Math.max(outer * inner * bytes, 1);
    const target = isLast ? y : context.heap.allocate(targetBytes);
    reduceMiddle(context, code, dtype, source, target, outer, remaining[index].length, inner);
    if (sourceBytes) context.heap.free(source, sourceBytes);
    if (isLast) return;
    source = target;
    sourceBytes = targetBytes;
    remaining = [...remaining.slice(0, index), ...remaining.slice(index + 1)];
  }
}

function runReduce(
  context: KernelContext,
  code: number,
  x: KernelTensor,
  px: number,
  axes: readonly number[],
  y: KernelTensor,
): void {
  const groups = groupAxes(x.shape, axes);
  const reducedCount = groups.filter((g) => g.isReduced).length;
  if (reducedCount === 0 && x.size > 0) {
    convert(context, y.dtype, y.dtype, px, pointerOf(y), y.size);
  } else if (x.size === 0) {
    // A reduced axis of length 0: every output is the identity.
    reduceMiddle(context, code, y.dtype, px, pointerOf(y), y.size, 0, 1);
  } else if (reducedCount === 1) {
    const index = groups.findIndex((g) => g.isReduced);
    const n = groups[index].length;
    const inner = groups.slice(index + 1).reduce((p, g) => p * g.length, 1);
    reduceMiddle(context, code, y.dtype, px, pointerOf(y), y.size / inner, n, inner);
  } else {
    reduceGroups(context, code, y.dtype, px, pointerOf(y), groups);
  }
}

function reduceKernel(name: ReduceName): WasmKernel<ReduceName> {
  const code = CODES[name];
  return {
    supports: () => true,
    run(context, inputs, attrs: ReduceAttrs, outputs) {
      const x = inputs[0];
      const y = outputs[0];
      if (y.dtype !== x.dtype && !(x.dtype === 'bool' && y.dtype === 'int32')) {
        throw new UnsupportedOpError(name, x.dtype, 'wasm');
      }
      if (x.dtype === y.dtype) runReduce(context, code, x, pointerOf(x), attrs.axes, y);
      else
        withDType(context, x, y.dtype, (converted) => runReduce(context, code, x, converted, attrs.axes, y));
    },
  };
}

export const reduceKernels = {
  sum: reduceKernel('sum'),
  prod: reduceKernel('prod'),
  max: reduceKernel('max'),
  min: reduceKernel('min'),
} as { [K in ReduceName]: WasmKernel<K> };
