import { bench, describe } from 'vitest';
import { add, tensor, tidy } from '../src/index';

// The fixed cost of dispatching a small op on the js backend: checks, infer, allocation, the
// kernel on four elements, the memory bookkeeping and the dispose.
const a = tensor([1, 2, 3, 4]);
const b = tensor([5, 6, 7, 8]);

describe('dispatch js', () => {
  bench('add 4 f32 js, then dispose', () => {
    add(a, b).dispose();
  });
  bench('add 4 f32 js and a reshape view, then dispose both', () => {
    const c = add(a, b);
    const d = c.reshape([2, 2]);
    c.dispose();
    d.dispose();
  });
  bench('add 4 f32 js x10 inside tidy', () => {
    tidy(() => {
      for (let i = 0; i < 10; i++) add(a, b);
    });
  });
});
