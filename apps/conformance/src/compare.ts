import {
  nagareDTypeForOnnx,
  OnnxDataType,
  type OnnxTensor,
  onnxDataTypeName,
  tensorToOnnxTensor,
} from '@nagare/io';
import { isNagareError, type Tensor, type TypedArray } from '@nagare/tensor';

/** ONNX's node-test tolerances (onnx/backend/test/case/node/__init__.py). */
export interface Tolerance {
  rtol: number;
  atol: number;
}

export const ONNX_TOLERANCE: Tolerance = { rtol: 1e-3, atol: 1e-7 };

/** Row-major coordinates of flat index `index` in `dims`. */
export function coordinatesOf(index: number, dims: readonly number[]): number[] {
  const coordinates = new Array<number>(dims.length);
  let rest = index;
  for (let axis = dims.length - 1; axis >= 0; axis--) {
    coordinates[axis] = rest % dims[axis];
    rest = Math.floor(rest / dims[axis]);
  }
  return coordinates;
}

function formatValue(value: number | bigint, dataType: number): string {
  if (dataType === OnnxDataType.FLOAT && typeof value === 'number' && Number.isFinite(value)) {
    return String(Number(value.toPrecision(8)));
  }
  if (dataType === OnnxDataType.BOOL) return value ? 'true' : 'false';
  return String(value);
}

/** numpy.testing.assert_allclose for one element: NaN matches NaN, infinities must match exactly. */
function isClose(actual: number, expected: number, tolerance: Tolerance): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tolerance.atol + tolerance.rtol * Math.abs(expected);
}

/**
 * Compares a nagare result with an expected ONNX tensor as ONNX's runner does: shape exact, dtype
 * exact (in ONNX's element type: an int32 result for an INT64 output is converted back first),
 * floats within `tolerance`, integers and booleans exact. Returns a description of the first
 * difference, or null when they agree.
 */
export function compareWithExpected(
  actual: Tensor,
  expected: OnnxTensor,
  tolerance = ONNX_TOLERANCE,
  /** `actual`'s values when already read (with `await actual.data()`, as on WebGPU). */
  values?: TypedArray,
): string | null {
  const shape = `[${actual.shape.join(',')}]`;
  const want = `[${expected.dims.join(',')}]`;
  if (shape !== want) return `shape ${shape}, want ${want}`;
  const wantDType = nagareDTypeForOnnx(expected.dataType);
  if (actual.dtype !== wantDType) {
    return `dtype ${actual.dtype}, want ${onnxDataTypeName(expected.dataType)} (nagare ${wantDType})`;
  }
  let converted: OnnxTensor;
  try {
    converted = tensorToOnnxTensor(actual, { dataType: expected.dataType, values });
  } catch (error) {
    if (isNagareError(error)) return error.message;
    throw error;
  }
  const isFloat = expected.dataType === OnnxDataType.FLOAT || expected.dataType === OnnxDataType.DOUBLE;
  const got = converted.values;
  const wanted = expected.values;
  for (let i = 0; i < wanted.length; i++) {
    const ok = isFloat ? isClose(got[i] as number, wanted[i] as number, tolerance) : got[i] === wanted[i];
    if (!ok) {
      const at = coordinatesOf(i, expected.dims).join(',');
      return `first mismatch at [${at}]: got ${formatValue(got[i], expected.dataType)}, want ${formatValue(wanted[i], expected.dataType)}`;
    }
  }
  return null;
}
