import { ArgumentError, ones } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { Identity } from './layers/identity';

describe('registering members checks what is registered', () => {
  test('a parameter or buffer that is not a tensor is an ArgumentError naming it', () => {
    const module = new Identity();
    expect(() => module.registerParameter('weight', [[1]] as never)).toThrow(
      new ArgumentError('registerParameter', '"weight" must be a Tensor'),
    );
    expect(() => module.registerBuffer('running_mean', undefined as never)).toThrow(
      new ArgumentError('registerBuffer', '"running_mean" must be a Tensor'),
    );
  });

  test('a disposed tensor cannot become a parameter', () => {
    const t = ones([2]);
    t.dispose();
    expect(() => new Identity().registerParameter('weight', t)).toThrow('"weight" is a disposed tensor');
  });

  test('a child that is not a module is an ArgumentError', () => {
    expect(() => new Identity().registerModule('head', {} as never)).toThrow(
      new ArgumentError('registerModule', '"head" must be a Module'),
    );
  });
});
