import { ArgumentError, randn } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { ACTIVATION_NAMES, type ActivationName, createActivation } from './by-name';

describeBackends('createActivation', () => {
  test('builds every named activation as a parameter-free layer', () => {
    const x = randn([2, 3], { seed: 0 });
    for (const name of ACTIVATION_NAMES) {
      const layer = createActivation(name);
      expect(layer.call(x).shape).toEqual([2, 3]);
      expect(layer.numParameters()).toBe(0);
    }
    expect(createActivation('swish').constructor.name).toBe('SiLU');
    expect(() => createActivation('tanhh' as ActivationName)).toThrow(ArgumentError);
  });
});
