import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

type Reducer = (x: Tensor, axes: number[] | undefined, keepDims: boolean) => Tensor;

/** Opset at which each Reduce operator moved `axes` from an attribute to an optional input. */
const AXES_INPUT_SINCE: Record<string, number> = { ReduceSum: 13 };
const AXES_INPUT_SINCE_DEFAULT = 18;

/**
 * Reads `axes` in the form the node's opset uses, then applies ONNX's rules: no axes reduces
 * everything, unless `noop_with_empty_axes` is set, which makes the operator an identity.
 */
function reduceOp(reducer: Reducer) {
  return (c: OnnxOpContext): Tensor[] => {
    const x = c.input(0);
    const since = AXES_INPUT_SINCE[c.opType] ?? AXES_INPUT_SINCE_DEFAULT;
    const axes = c.opset >= since ? c.inputInts(1) : c.ints('axes');
    const keepDims = c.int('keepdims', 1) === 1;
    if (!axes || axes.length === 0) {
      if (c.int('noop_with_empty_axes', 0) === 1) return [x];
      return [reducer(x, undefined, keepDims)];
    }
    return [reducer(x, axes, keepDims)];
  };
}

const sumSquare: Reducer = (x, axes, keepDims) => nt.sum(nt.mul(x, x), axes, { keepDims });

/** ArgMax/ArgMin: one axis (default 0), keepdims (default 1), optional last-index tie break. */
function argReduce(fn: typeof nt.argmax) {
  return (c: OnnxOpContext): Tensor[] => [
    fn(c.input(0), c.int('axis', 0), {
      keepDims: c.int('keepdims', 1) === 1,
      selectLastIndex: c.int('select_last_index', 0) === 1,
    }),
  ];
}

/** Reduce* and ArgMax/ArgMin. */
export const reduceOps: OnnxOpTable = {
  ReduceSum: reduceOp((x, axes, keepDims) => nt.sum(x, axes, { keepDims })),
  ReduceMean: reduceOp((x, axes, keepDims) => nt.mean(x, axes, { keepDims })),
  ReduceMax: reduceOp((x, axes, keepDims) => nt.max(x, axes, { keepDims })),
  ReduceMin: reduceOp((x, axes, keepDims) => nt.min(x, axes, { keepDims })),
  ReduceProd: reduceOp((x, axes, keepDims) => nt.prod(x, axes, { keepDims })),
  ReduceLogSumExp: reduceOp((x, axes, keepDims) => nt.logsumexp(x, axes, { keepDims })),
  ReduceSumSquare: reduceOp(sumSquare),
  ReduceL1: reduceOp((x, axes, keepDims) => nt.sum(nt.abs(x), axes, { keepDims })),
  ReduceL2: reduceOp((x, axes, keepDims) => nt.sqrt(sumSquare(x, axes, keepDims))),
  ReduceLogSum: reduceOp((x, axes, keepDims) => nt.log(nt.sum(x, axes, { keepDims }))),
  ArgMax: argReduce(nt.argmax),
  ArgMin: argReduce(nt.argmin),
};
