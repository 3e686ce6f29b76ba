import { ArgumentError, DTypeError, keep, ShapeError, type Tensor, tensor } from '@nagare/tensor';
import { nagareDTypeForOnnx, onnxTensorToTensor } from '../onnx-tensor';
import type { OnnxTensor, OnnxValueInfo } from '../onnx-types';
import { DEFAULT_ONNX_TYPE } from './graph-runtime';
import type { GraphValue } from './op-context';

/** What `ImportedOnnx.run` takes: tensors in input order, or by input name (ONNX tensors too). */
export type OnnxFeeds = readonly Tensor[] | Readonly<Record<string, Tensor | OnnxTensor>>;

const OP = 'ImportedOnnx.run';

function isOnnxTensor(value: Tensor | OnnxTensor): value is OnnxTensor {
  return 'dataType' in value && 'values' in value;
}

/**
 * Checks a fed tensor's dtype and (when `shouldCheckShape`) fixed dimensions against what the graph
 * declares for it.
 */
function checkDeclared(info: OnnxValueInfo, tensor: Tensor, shouldCheckShape: boolean): void {
  if (info.elemType) {
    let expected: string | null = null;
    try {
      expected = nagareDTypeForOnnx(info.elemType);
    } catch {
      // A type nagare cannot hold: the operator mappings decide what to do with the value.
    }
    if (expected !== null && expected !== tensor.dtype) {
      throw new DTypeError(OP, `input "${info.name}" must be ${expected}, got ${tensor.dtype}`, {
        [info.name]: tensor.dtype,
      });
    }
  }
  const shape = info.shape;
  if (!shape || !shouldCheckShape) return;
  const fits =
    shape.length === tensor.rank && shape.every((d, i) => typeof d !== 'number' || d === tensor.shape[i]);
  if (!fits) {
    const declared = shape.map((d) => (typeof d === 'number' ? d : (d ?? '?'))).join(', ');
    throw new ShapeError(OP, `input "${info.name}" must have shape [${declared}]`, {
      [info.name]: tensor.shape,
    });
  }
}

/**
 * Turns the user's feeds into graph values by input name. Every required input must be fed;
 * initializers that are also graph inputs may be overridden by name. The import-time self-check
 * turns `shouldCheckShapes` off, as it feeds a smaller batch than the declared one. Tensors converted from ONNX
 * tensors belong to the caller's `tidy` scope.
 */
export function feedValues(
  feeds: OnnxFeeds,
  required: readonly OnnxValueInfo[],
  overridable: readonly OnnxValueInfo[],
  shouldCheckShapes = true,
): Map<string, GraphValue> {
  const byName = new Map<string, Tensor | OnnxTensor>();
  if (Array.isArray(feeds)) {
    if (feeds.length !== required.length) {
      throw new ArgumentError(
        OP,
        `expected ${required.length} inputs (${required.map((i) => i.name).join(', ')}), got ${feeds.length}`,
      );
    }
    for (const [i, info] of required.entries()) byName.set(info.name, feeds[i]);
  } else {
    for (const [name, value] of Object.entries(feeds as Record<string, Tensor | OnnxTensor>))
      byName.set(name, value);
  }
  const known = new Map([...overridable, ...required].map((info) => [info.name, info]));
  const unknown = [...byName.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ArgumentError(
      OP,
      `unknown inputs ${unknown.map((n) => `"${n}"`).join(', ')} (the graph takes ${[...known.keys()].join(', ')})`,
    );
  }
  const missing = required.filter((info) => !byName.has(info.name)).map((info) => `"${info.name}"`);
  if (missing.length > 0) throw new ArgumentError(OP, `missing inputs ${missing.join(', ')}`);
  const values = new Map<string, GraphValue>();
  for (const [name, value] of byName) {
    const info = known.get(name)!;
    if (isOnnxTensor(value)) {
      const converted = graphTensor({ ...value, name });
      checkDeclared(info, converted, shouldCheckShapes);
      values.set(name, { tensor: converted, onnxType: value.dataType, source: value });
    } else {
      checkDeclared(info, value, shouldCheckShapes);
      values.set(name, { tensor: value, onnxType: info.elemType || DEFAULT_ONNX_TYPE[value.dtype] });
    }
  }
  return values;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * An ONNX tensor as a nagare tensor; INT64 values beyond int32 saturate. Exporters write
 * INT64_MAX/INT64_MIN as "to the end" in Slice bounds; mappings read such inputs exactly from the
 * graph value's `source`, so only the int32 copy is clamped.
 */
export function graphTensor(source: OnnxTensor): Tensor {
  const { values } = source;
  if (!(values instanceof BigInt64Array)) return onnxTensorToTensor(source);
  const clamped = Int32Array.from(values, (v) =>
    v > BigInt(INT32_MAX) ? INT32_MAX : v < BigInt(INT32_MIN) ? INT32_MIN : Number(v),
  );
  return tensor(clamped, { shape: source.dims });
}

/** The graph's initializers as graph values, kept out of every `tidy` scope until disposed. */
export function initializerValues(initializers: readonly OnnxTensor[]): Map<string, GraphValue> {
  const values = new Map<string, GraphValue>();
  for (const source of initializers) {
    values.set(source.name, {
      tensor: keep(graphTensor(source)),
      onnxType: source.dataType,
      source,
    });
  }
  return values;
}
