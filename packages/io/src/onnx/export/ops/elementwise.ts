import { type DType, isFloat, type OpName, type OpRecord, promoteTypes } from '@nagare/tensor';
import { attr, ONNX_TYPE, type OnnxGraphBuilder } from '../graph-builder';
import type { OpExporterTable } from './types';

/** Any traced op whose attributes the exporter does not read. */
type AnyRecord = OpRecord;

/** AnyRecord ops that are one ONNX operator of the same name and type rules. */
const SAME_TYPE_UNARY = { neg: 'Neg', abs: 'Abs', sign: 'Sign', relu: 'Relu' } as const;

/** AnyRecord ops whose ONNX operator takes floats only: an int32 input is cast to the output dtype first. */
const FLOAT_UNARY = {
  exp: 'Exp',
  log: 'Log',
  sqrt: 'Sqrt',
  reciprocal: 'Reciprocal',
  sin: 'Sin',
  cos: 'Cos',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  softplus: 'Softplus',
  erf: 'Erf',
} as const;

/** Rounding ops: ONNX defines them on floats; on int32 they are the identity. */
const ROUNDING = { floor: 'Floor', ceil: 'Ceil', round: 'Round' } as const;

const unaryNode = (opType: string) => (r: AnyRecord, g: OnnxGraphBuilder) => {
  const y = r.outputs[0];
  return g.node(opType, [g.valueAs(r.inputs[0], y.dtype)], [y.dtype]);
};

/** e^x − 1 and log(1 + x) as two nodes: ONNX has no fused form (float32 accuracy near 0 is absolute). */
function shifted(first: string, second: string, order: 'exp-first' | 'add-first') {
  return (r: AnyRecord, g: OnnxGraphBuilder) => {
    const { dtype } = r.outputs[0];
    const x = g.valueAs(r.inputs[0], dtype);
    const one = g.scalar(1, dtype);
    if (order === 'exp-first') {
      const [e] = g.node(first, [x], [dtype]);
      return g.node(second, [e, one], [dtype]);
    }
    const [sum] = g.node(first, [x, one], [dtype]);
    return g.node(second, [sum], [dtype]);
  };
}

/** Binary ops that are one ONNX operator on operands converted to the output dtype. */
const ARITHMETIC = {
  add: 'Add',
  sub: 'Sub',
  mul: 'Mul',
  div: 'Div',
  pow: 'Pow',
  maximum: 'Max',
  minimum: 'Min',
} as const;

/** Comparisons: the operands are promoted to one dtype (ONNX requires it); the result is bool. */
const COMPARISONS = {
  eq: 'Equal',
  lt: 'Less',
  le: 'LessOrEqual',
  gt: 'Greater',
  ge: 'GreaterOrEqual',
} as const;

const binaryNode = (opType: string, operandDType: (r: AnyRecord) => DType) => {
  return (r: AnyRecord, g: OnnxGraphBuilder) => {
    const dtype = operandDType(r);
    const [a, b] = r.inputs.map((t) => g.valueAs(t, dtype));
    return g.node(opType, [a, b], [r.outputs[0].dtype]);
  };
};

/** The common dtype of a comparison; ONNX orders numbers only, so bools compare as int32. */
function comparisonDType(r: AnyRecord, isOrdering: boolean): DType {
  const promoted = promoteTypes(r.inputs[0].dtype, r.inputs[1].dtype);
  return isOrdering && promoted === 'bool' ? 'int32' : promoted;
}

const table: Record<string, unknown> = {};
for (const [op, onnx] of Object.entries({ ...SAME_TYPE_UNARY, ...FLOAT_UNARY })) table[op] = unaryNode(onnx);
for (const [op, onnx] of Object.entries(ROUNDING)) {
  table[op] = (r: AnyRecord, g: OnnxGraphBuilder) =>
    isFloat(r.inputs[0].dtype)
      ? unaryNode(onnx)(r, g)
      : g.node('Identity', [g.value(r.inputs[0])], [r.outputs[0].dtype]);
}
for (const [op, onnx] of Object.entries(ARITHMETIC)) table[op] = binaryNode(onnx, (r) => r.outputs[0].dtype);
for (const [op, onnx] of Object.entries(COMPARISONS))
  table[op] = binaryNode(onnx, (r) => comparisonDType(r, op !== 'eq'));
table.logicalAnd = binaryNode('And', () => 'bool');
table.logicalOr = binaryNode('Or', () => 'bool');

/** Elementwise ops: unary math, casts, clipping, arithmetic, comparisons, logic and where. */
export const elementwiseExporters: OpExporterTable = {
  ...(table as OpExporterTable),
  expm1: shifted('Exp', 'Sub', 'exp-first'),
  log1p: shifted('Add', 'Log', 'add-first'),
  rsqrt: (r, g) => {
    const { dtype } = r.outputs[0];
    const [root] = g.node('Sqrt', [g.valueAs(r.inputs[0], dtype)], [dtype]);
    return g.node('Reciprocal', [root], [dtype]);
  },
  square: (r, g) => {
    const x = g.value(r.inputs[0]);
    return g.node('Mul', [x, x], [r.outputs[0].dtype]);
  },
  // Heaviside step: 1 where x > 0, else 0, in x's dtype.
  step: (r, g) => {
    const { dtype } = r.outputs[0];
    const [positive] = g.node('Greater', [g.value(r.inputs[0]), g.scalar(0, dtype)], ['bool']);
    return g.node('Cast', [positive], [dtype], { to: attr.int(ONNX_TYPE[dtype]) });
  },
  logicalNot: (r, g) => g.node('Not', [g.valueAs(r.inputs[0], 'bool')], ['bool']),
  isNaN: (r, g) => {
    const x = g.value(r.inputs[0]);
    if (isFloat(r.inputs[0].dtype)) return g.node('IsNaN', [x], ['bool']);
    // Integers are never NaN: x ≠ x is false everywhere, in x's shape.
    const [equal] = g.node('Equal', [x, x], ['bool']);
    return g.node('Not', [equal], ['bool']);
  },
  clip: (r, g) => {
    const { min, max } = r.attrs;
    const { dtype } = r.outputs[0];
    // An infinite bound is no bound: ONNX takes it as an omitted optional input.
    const bound = (value: number) => (Number.isFinite(value) ? g.scalar(value, dtype) : '');
    const inputs = [g.value(r.inputs[0]), bound(min), bound(max)];
    while (inputs.at(-1) === '') inputs.pop();
    return g.node('Clip', inputs, [dtype]);
  },
  cast: (r, g) => [g.castValue(g.value(r.inputs[0]), r.attrs.dtype)],
  ne: (r, g) => {
    const [equal] = binaryNode('Equal', (record) => comparisonDType(record, false))(r, g);
    return g.node('Not', [equal], ['bool']);
  },
  where: (r, g) => {
    const { dtype } = r.outputs[0];
    const [condition, a, b] = r.inputs;
    return g.node('Where', [g.valueAs(condition, 'bool'), g.valueAs(a, dtype), g.valueAs(b, dtype)], [dtype]);
  },
} satisfies OpExporterTable & Partial<Record<OpName, unknown>>;
