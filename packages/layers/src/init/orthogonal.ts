import { ArgumentError, type Tensor, tensor } from '@nagare/tensor';
import { resolveGenerator } from '../random';
import { checkFinite, fillWith, type InitOptions } from './fill';

/**
 * Orthonormal columns of a tall `rows × cols` matrix (row-major, rows ≥ cols), in place, by
 * modified Gram–Schmidt applied twice ("twice is enough" keeps it orthogonal to rounding). The
 * implied R has a positive diagonal, which is exactly PyTorch's sign-corrected QR factor.
 */
function orthonormalizeColumns(m: Float64Array, rows: number, cols: number): void {
  for (let j = 0; j < cols; j++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        let dot = 0;
        for (let i = 0; i < rows; i++) dot += m[i * cols + k] * m[i * cols + j];
        for (let i = 0; i < rows; i++) m[i * cols + j] -= dot * m[i * cols + k];
      }
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += m[i * cols + j] ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < rows; i++) m[i * cols + j] /= norm;
  }
}

/**
 * (Semi-)orthogonal init in place (Saxe et al., 2014), as `torch.nn.init.orthogonal_`: `t`
 * viewed as `[shape[0], rest]` gets orthonormal rows (or columns, whichever are fewer), times
 * `gain`. Helps deep and recurrent nets keep gradient norms.
 *
 * @example
 * init.orthogonal(rnn.weight_hh_l0, { gain: 1, seed: 0 });
 */
export function orthogonal(t: Tensor, options: InitOptions & { gain?: number } = {}): Tensor {
  const gain = options.gain ?? 1;
  checkFinite('init.orthogonal', 'gain', gain);
  if (t.rank < 2)
    throw new ArgumentError(
      'init.orthogonal',
      `needs a tensor of rank ≥ 2, got shape [${t.shape.join(', ')}]`,
    );
  const rows = t.shape[0];
  const cols = t.size / rows;
  const generator = resolveGenerator(options);
  // Draw rows × cols normals; factor the tall orientation (transposed when rows < cols).
  const [tallRows, tallCols] = rows < cols ? [cols, rows] : [rows, cols];
  const tall = new Float64Array(t.size);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const value = generator.nextNormal();
      tall[rows < cols ? c * tallCols + r : r * tallCols + c] = value;
    }
  }
  orthonormalizeColumns(tall, tallRows, tallCols);
  const values = new Float64Array(t.size);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++)
      values[r * cols + c] = gain * tall[rows < cols ? c * tallCols + r : r * tallCols + c];
  }
  return fillWith('init.orthogonal', t, () => tensor(values, { shape: t.shape, dtype: t.dtype }));
}
