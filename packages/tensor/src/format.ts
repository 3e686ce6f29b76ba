import type { Tensor } from './tensor';

const EDGE = 3;

/** Integers as they are; other floats with 4 significant digits and no trailing zeros. */
function formatNumber(value: number, dtype: string): string {
  if (dtype === 'bool') return value ? 'true' : 'false';
  if (dtype === 'int32' || Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  // Strip zeros only after a decimal point: 1200.5 → "1200" must not become "12".
  const [mantissa, exponent] = value.toPrecision(4).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

/**
 * `Tensor(float32, [2, 3]) [[1, 2, 3], [4, 5, 6]]`, abbreviating long axes with "…" (3 items each
 * side), so a huge tensor prints in a few lines.
 */
export function formatTensor(t: Tensor): string {
  const header = `Tensor(${t.dtype}, [${t.shape.join(', ')}]${t.isDisposed ? ', disposed' : ''})`;
  if (t.isDisposed) return header;
  const values = t.dataSync();
  const strides = t.shape.map((_, i) => t.shape.slice(i + 1).reduce((p, d) => p * d, 1));
  const render = (axis: number, offset: number): string => {
    if (axis === t.rank) return formatNumber(values[offset], t.dtype);
    const n = t.shape[axis];
    const indices =
      n > 2 * EDGE
        ? [...Array(EDGE).keys(), -1, ...Array.from({ length: EDGE }, (_, i) => n - EDGE + i)]
        : [...Array(n).keys()];
    const parts = indices.map((i) => (i < 0 ? '…' : render(axis + 1, offset + i * strides[axis])));
    return `[${parts.join(', ')}]`;
  };
  return `${header} ${render(0, 0)}`;
}
