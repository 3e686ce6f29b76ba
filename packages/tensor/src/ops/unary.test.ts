import { describe, expect, test } from 'vitest';
import { DTypeError } from '../errors/dtype-error';
import { getOpDef } from '../op-registry';
import type { Tensor } from '../tensor';
import { expectNagareError } from '../test-helpers';
import { DTYPES, type DType } from '../types';
import * as nt from './all';
import { tensor } from './creation';
import { UNARY_KINDS, type UnaryOpName } from './unary';

const OUTPUT_DTYPE: Record<'keep' | 'float' | 'bool', (x: DType) => DType> = {
  keep: (x) => x,
  float: (x) => (x === 'float64' ? 'float64' : 'float32'),
  bool: () => 'bool',
};

// Every public op function by name, to look up each unary op of the table.
const OPS_BY_NAME: Record<string, unknown> = nt;

const input = (dtype: DType) => tensor([1, 0], { dtype });

describe.each(Object.entries(UNARY_KINDS) as [UnaryOpName, keyof typeof OUTPUT_DTYPE][])(
  '%s',
  (name, kind) => {
    const op = OPS_BY_NAME[name] as (x: Tensor) => Tensor;

    test('is a registered primitive with one input x', () => {
      expect(getOpDef(name)).toMatchObject({ name, inputs: ['x'] });
    });

    test.each(DTYPES)('output dtype and shape for a %s input', (dtype) => {
      if (kind === 'keep' && dtype === 'bool') {
        expectNagareError(() => op(input(dtype)), DTypeError, {
          op: name,
          code: 'DTYPE_MISMATCH',
          message: `${name}: expected a numeric input (x: bool)`,
        });
        return;
      }
      const y = op(tensor([[1], [0]], { dtype }));
      expect(y).toMatchObject({ shape: [2, 1], dtype: OUTPUT_DTYPE[kind](dtype) });
    });
  },
);

test('methods call the free functions', () => {
  const x = tensor([0.25, 4]);
  const pairs: [Tensor, Tensor][] = [
    [x.neg(), nt.neg(x)],
    [x.abs(), nt.abs(x)],
    [x.sign(), nt.sign(x)],
    [x.exp(), nt.exp(x)],
    [x.log(), nt.log(x)],
    [x.sqrt(), nt.sqrt(x)],
    [x.square(), nt.square(x)],
    [x.reciprocal(), nt.reciprocal(x)],
    [x.sin(), nt.sin(x)],
    [x.cos(), nt.cos(x)],
    [x.tanh(), nt.tanh(x)],
    [x.sigmoid(), nt.sigmoid(x)],
    [x.relu(), nt.relu(x)],
    [x.expm1(), nt.expm1(x)],
    [x.log1p(), nt.log1p(x)],
    [x.rsqrt(), nt.rsqrt(x)],
    [x.softplus(), nt.softplus(x)],
    [x.erf(), nt.erf(x)],
    [x.step(), nt.step(x)],
    [x.floor(), nt.floor(x)],
    [x.ceil(), nt.ceil(x)],
    [x.round(), nt.round(x)],
    [x.logicalNot(), nt.logicalNot(x)],
    [x.logicalAnd(0), nt.logicalAnd(x, 0)],
    [x.logicalOr(0), nt.logicalOr(x, 0)],
  ];
  for (const [method, free] of pairs) expect(method.toArray()).toEqual(free.toArray());
});
