import {
  ArgumentError,
  allocArray,
  type DType,
  ShapeError,
  type Tensor,
  type TypedArray,
  tensor,
} from '@nagare/tensor';
import { checkIndex, type Dataset } from './dataset';

/** One column of an in-memory dataset: flat row-major values whose first axis is the sample. */
export interface Column {
  readonly values: TypedArray;
  /** Full shape, the first entry being the number of samples. */
  readonly shape: readonly number[];
  readonly dtype: DType;
  /**
   * When set, `values` hold raw numbers (e.g. uint8 pixels) and each gathered row becomes
   * `value / divisor` in `dtype`, so only the rows of a batch are ever converted: MNIST's 60,000
   * images stay 47 MB of bytes instead of 188 MB of float32.
   */
  readonly divisor?: number;
}

/**
 * An in-memory dataset of one or more columns that share their first axis (e.g. images and labels).
 * Data stays in host memory; only the requested rows become tensors, so a 60,000-image set does not
 * occupy the compute backend. `get(i)` gives one row per column; `getBatch` gathers many rows at once.
 * A column may store compact values (uint8 pixels) that a batch converts to its dtype (see `Column`).
 *
 * @example
 * const ds = new TensorDataset(tensor([[1, 2], [3, 4], [5, 6]]), tensor([0, 1, 0], { dtype: 'int32' }));
 * const [x, y] = ds.getBatch([2, 0]); // x: [[5, 6], [1, 2]], y: [0, 0]
 */
export class TensorDataset implements Dataset<Tensor[]> {
  readonly columns: readonly Column[];
  readonly length: number;

  /** Copies the tensors' values to the host synchronously: on WebGPU use `TensorDataset.fromTensors`. */
  constructor(...tensors: Tensor[]) {
    this.columns = tensors.map((t) => ({ values: t.dataSync(), shape: [...t.shape], dtype: t.dtype }));
    this.length = checkColumns(this.columns);
  }

  /**
   * The same dataset as `new TensorDataset(...tensors)`, reading the tensors with `await data()`,
   * so it works on every backend, WebGPU included.
   *
   * @example
   * const ds = await TensorDataset.fromTensors(images, labels);
   */
  static async fromTensors(...tensors: Tensor[]): Promise<TensorDataset> {
    const values = await Promise.all(tensors.map((t) => t.data()));
    return TensorDataset.fromColumns(
      tensors.map((t, i) => ({ values: values[i], shape: [...t.shape], dtype: t.dtype })),
    );
  }

  /** A dataset over host arrays, without creating full-size tensors first. */
  static fromColumns(columns: readonly Column[]): TensorDataset {
    const ds = Object.create(TensorDataset.prototype) as TensorDataset;
    Object.assign(ds, { columns, length: checkColumns(columns) });
    return ds;
  }

  get(index: number): Tensor[] {
    checkIndex('TensorDataset.get', index, this.length);
    return this.columns.map((c) => rowsTensor(c, [index], false));
  }

  getBatch(indices: readonly number[]): Tensor[] {
    for (const i of indices) checkIndex('TensorDataset.getBatch', i, this.length);
    return this.columns.map((c) => rowsTensor(c, indices, true));
  }
}

function checkColumns(columns: readonly Column[]): number {
  if (columns.length === 0) throw new ArgumentError('TensorDataset', 'needs at least one column');
  const length = columns[0].shape[0];
  columns.forEach((c, i) => {
    if (c.shape.length === 0)
      throw new ShapeError('TensorDataset', `column ${i} is a scalar; it needs a sample axis`);
    if (c.shape[0] !== length) {
      throw new ShapeError(
        'TensorDataset',
        'columns have different numbers of samples',
        Object.fromEntries(columns.map((col, k) => [`column ${k}`, col.shape])),
      );
    }
    if (c.divisor !== undefined && !(c.divisor > 0 && Number.isFinite(c.divisor)))
      throw new ArgumentError(
        'TensorDataset',
        `column ${i} divisor must be a positive number, got ${c.divisor}`,
      );
    const rowSize = c.shape.slice(1).reduce((p, d) => p * d, 1);
    if (c.values.length !== rowSize * length) {
      throw new ShapeError(
        'TensorDataset',
        `column ${i} has ${c.values.length} values, its shape needs ${rowSize * length}`,
        { [`column ${i}`]: c.shape },
      );
    }
  });
  return length;
}

/**
 * Copies the given rows of a column into a new tensor ([rows, ...] or one row without the axis),
 * converting stored values to the column's dtype (and dividing by its divisor) on the way.
 */
function rowsTensor(column: Column, rows: readonly number[], keepBatchAxis: boolean): Tensor {
  const rowShape = column.shape.slice(1);
  const rowSize = rowShape.reduce((p, d) => p * d, 1);
  const values = allocArray(column.dtype, rows.length * rowSize);
  const { divisor } = column;
  if (divisor !== undefined && column.values instanceof Uint8Array) {
    gatherBytes(column.values, byteTable(divisor, column.dtype), rows, rowSize, values);
  } else {
    for (let k = 0; k < rows.length; k++) {
      const row = column.values.subarray(rows[k] * rowSize, (rows[k] + 1) * rowSize);
      if (divisor === undefined) values.set(row, k * rowSize);
      else {
        // Divide in float64, round once to the dtype: the numbers of dividing the whole set upfront.
        const offset = k * rowSize;
        for (let j = 0; j < rowSize; j++) values[offset + j] = row[j] / divisor;
      }
    }
  }
  return tensor(values, {
    shape: keepBatchAxis ? [rows.length, ...rowShape] : rowShape,
    dtype: column.dtype,
  });
}

/** `b / divisor` for every byte b, rounded to `dtype` exactly as the division itself would be. */
function byteTable(divisor: number, dtype: DType): TypedArray {
  const table = allocArray(dtype, 256);
  for (let b = 0; b < 256; b++) table[b] = b / divisor;
  return table;
}

// A separate monomorphic loop for byte columns: a table lookup per pixel instead of a division, and
// element accesses that V8 does not have to dispatch over every TypedArray kind.
function gatherBytes(
  source: Uint8Array,
  table: TypedArray,
  rows: readonly number[],
  rowSize: number,
  out: TypedArray,
): void {
  for (let k = 0; k < rows.length; k++) {
    const from = rows[k] * rowSize;
    const to = k * rowSize;
    for (let j = 0; j < rowSize; j++) out[to + j] = table[source[from + j]];
  }
}
