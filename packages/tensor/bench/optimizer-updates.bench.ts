import { bench, describe } from 'vitest';
import { adamUpdate, add, assign, div, mul, randn, sqrt, square, sub, tidy, zeros } from '../src/index';

// One Adam step over 1M float32 parameters: the fused in-place kernel against the same rule
// written with composite ops (nine temporaries, then assign), on the js backend.
const size = 1 << 20;
const param = randn([size], { seed: 1 });
const grad = randn([size], { seed: 2 });
const [m, v] = [zeros([size]), zeros([size])];
const options = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 10 };

describe('adam step js', () => {
  bench('adamUpdate fused 1M f32 js', () => {
    adamUpdate(param, grad, { m, v }, options);
  });
  bench('adam composite ops 1M f32 js', () => {
    tidy(() => {
      assign(m, add(mul(m, 0.9), mul(grad, 0.1)));
      assign(v, add(mul(v, 0.999), mul(square(grad), 0.001)));
      const mHat = div(m, 1 - 0.9 ** 10);
      const vHat = div(v, 1 - 0.999 ** 10);
      assign(param, sub(param, mul(div(mHat, add(sqrt(vHat), 1e-8)), 1e-3)));
    });
  });
});
