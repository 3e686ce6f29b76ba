import type { Tensor } from './tensor';

const EDGE = 3;

function formatNumber(value: number, dtype: string): string {
  if (dtype === 'bool') return value ? 'true' : 'false';
  if (dtype === 'int32' || Number.isInteger(value)) return String(value);
  return Number.isFinite(value) ? value.toPrecision(4).replace(/\.?0+$/, '') : String(value);
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
    const indices = n > 2 * EDGE ? [...Array(EDGE).keys(), -1, ...Array.from({ length: EDGE }, (_, i) => n - EDGE + i)] : [...Array(n).keys()];
    const parts = indices.map((i) => (i < 0 ? '…' : render(axis + 1, offset + i * strides[axis])));
    return `[${parts.join(', ')}]`;
  };
  return `${header} ${render(0, 0)}`;
}
