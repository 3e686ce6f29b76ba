import { getOpDef, mul, sum, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import * as autograd from './index';

describe('@nagare/autograd', () => {
  test('importing the package installs the recorder and the gradient engine', () => {
    const x = tensor([2], { requiresGrad: true });
    const y = sum(mul(x, x));
    expect(y.requiresGrad).toBe(true);
    y.backward();
    expect(x.grad?.item()).toBe(4);
  });

  test('exports exactly the documented API', () => {
    expect(Object.keys(autograd).sort()).toEqual(
      [
        'GraphFreedError',
        'checkpoint',
        'customGrad',
        'enableGrad',
        'grad',
        'gradRules',
        'gradcheck',
        'gradcheckAsync',
        'isGradEnabled',
        'isNonDifferentiable',
        'noGrad',
        'nonDifferentiable',
        'valueAndGrad',
        'vjp',
      ].sort(),
    );
  });

  test('nonDifferentiable marks carry their reason; rules do not count as marks', () => {
    const mark = autograd.nonDifferentiable('its output is an index');
    expect(autograd.isNonDifferentiable(mark)).toBe(true);
    expect(mark.reason).toBe('its output is an index');
    expect(autograd.isNonDifferentiable(autograd.gradRules.exp)).toBe(false);
    expect(getOpDef('exp')).toBeDefined();
  });

  test('GraphFreedError is a NagareError with a stable code', () => {
    const error = new autograd.GraphFreedError('backward', 'mul');
    expect(error.code).toBe('GRAPH_FREED');
    expect(error.message).toMatch(/^backward: the graph of mul was freed/);
  });
});
