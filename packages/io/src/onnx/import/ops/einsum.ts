import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

/** An operand with one label per axis; ellipsis axes get labels '0', '1', … aligned to the right. */
interface Labeled {
  x: Tensor;
  labels: string[];
}

function parseTerm(c: OnnxOpContext, term: string, rank: number, ellipsisRank: number): string[] {
  const parts = term.split('...');
  if (parts.length > 2) c.unsupported(`term "${term}" has more than one ellipsis`);
  const letters = parts.join('');
  if (!/^[a-zA-Z]*$/.test(letters)) c.unsupported(`term "${term}" has characters other than letters`);
  if (parts.length === 1) {
    if (letters.length !== rank)
      c.unsupported(`term "${term}" names ${letters.length} axes of a rank-${rank} input`);
    return [...letters];
  }
  const count = rank - letters.length;
  if (count < 0) c.unsupported(`term "${term}" names more axes than the input's rank ${rank}`);
  const ellipsis = Array.from({ length: count }, (_, i) => String(ellipsisRank - count + i));
  return [...parts[0], ...ellipsis, ...parts[1]];
}

/** Takes the diagonal of every label that repeats within one operand: mask with eye, sum one copy out. */
function takeDiagonals({ x, labels }: Labeled): Labeled {
  for (let q = labels.length - 1; q > 0; q--) {
    const p = labels.indexOf(labels[q]);
    if (p === q) continue;
    const n = x.shape[p];
    const maskShape = x.shape.map((_, axis) => (axis === p || axis === q ? n : 1));
    const mask = nt.reshape(nt.eye(n, n, { dtype: x.dtype }), maskShape);
    return takeDiagonals({ x: nt.sum(nt.mul(x, mask), q), labels: labels.filter((_, axis) => axis !== q) });
  }
  return { x, labels };
}

/** Lays an operand out over all labels in `order`: its axes transposed into order, 1 for the rest. */
function align({ x, labels }: Labeled, order: string[]): Tensor {
  const present = order.filter((label) => labels.includes(label));
  const transposed = nt.transpose(
    x,
    present.map((label) => labels.indexOf(label)),
  );
  return nt.reshape(
    transposed,
    order.map((label) => (labels.includes(label) ? x.shape[labels.indexOf(label)] : 1)),
  );
}

/**
 * Einsum as transpose + broadcast multiply + sum: diagonals first, then every operand is aligned
 * on the union of labels, multiplied, and the labels missing from the output are summed out.
 */
function einsum(c: OnnxOpContext): Tensor[] {
  const equation = c.string('equation', '').replace(/\s+/g, '');
  const [lhs, explicit] = equation.includes('->') ? equation.split('->') : [equation, undefined];
  const inputs = c.inputs();
  const terms = lhs.split(',');
  if (terms.length !== inputs.length)
    c.unsupported(`equation "${equation}" has ${terms.length} terms for ${inputs.length} inputs`);
  const ellipsisRank = Math.max(
    0,
    ...terms.map((t, i) => (t.includes('...') ? inputs[i].rank - t.replace('...', '').length : 0)),
  );
  const operands = terms.map((term, i) =>
    takeDiagonals({ x: inputs[i], labels: parseTerm(c, term, inputs[i].rank, ellipsisRank) }),
  );
  const ellipsisLabels = Array.from({ length: ellipsisRank }, (_, i) => String(i));
  const letters = [...new Set(operands.flatMap((o) => o.labels.filter((l) => /[a-zA-Z]/.test(l))))];
  const output =
    explicit !== undefined
      ? parseTerm(
          c,
          explicit,
          explicit.replace('...', '').length + (explicit.includes('...') ? ellipsisRank : 0),
          ellipsisRank,
        )
      : [...ellipsisLabels, ...letters.filter((l) => lhs.split(l).length === 2).sort()];
  const order = [...ellipsisLabels, ...letters];
  const product = operands.map((o) => align(o, order)).reduce((a, b) => nt.mul(a, b));
  const summed = order.flatMap((label, axis) => (output.includes(label) ? [] : [axis]));
  const reduced = summed.length ? nt.sum(product, summed) : product;
  const remaining = order.filter((label) => output.includes(label));
  return [
    nt.transpose(
      reduced,
      output.map((label) => remaining.indexOf(label)),
    ),
  ];
}

/** Einsum. */
export const einsumOps: OnnxOpTable = { Einsum: einsum };
