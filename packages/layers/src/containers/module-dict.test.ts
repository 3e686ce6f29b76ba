import { ArgumentError } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { Linear } from '../layers/linear';
import { ModuleDict } from './module-dict';

const parameterNames = (dict: ModuleDict) => dict.namedParameters().map(([name]) => name);

describe('ModuleDict keeps the order the modules were given in', () => {
  test('[name, module] pairs keep integer-like names in the order written', () => {
    const dict = new ModuleDict([
      ['10', new Linear(2, 1)],
      ['2', new Linear(2, 1)],
      ['head', new Linear(2, 1)],
    ]);
    expect(dict.keys()).toEqual(['10', '2', 'head']);
    expect(parameterNames(dict)).toEqual([
      '10.weight',
      '10.bias',
      '2.weight',
      '2.bias',
      'head.weight',
      'head.bias',
    ]);
    expect(Object.keys(dict.stateDict())[0]).toBe('10.weight');
    dict.dispose();
  });

  test('a Map keeps its insertion order', () => {
    const dict = new ModuleDict(
      new Map([
        ['b', new Linear(2, 1)],
        ['1', new Linear(2, 1)],
      ]),
    );
    expect(dict.keys()).toEqual(['b', '1']);
    dict.dispose();
  });

  test('an object with integer-like keys is refused, since JavaScript has already reordered them', () => {
    const make = () => new ModuleDict({ b: new Linear(2, 1), '1': new Linear(2, 1) });
    expect(make).toThrow(ArgumentError);
    expect(make).toThrow('ModuleDict: module names "1" look like integers');
    expect(make).toThrow('pass [name, module] pairs or a Map instead');
  });

  test('an object with ordinary names keeps the order written', () => {
    const dict = new ModuleDict({ zeta: new Linear(2, 1), alpha: new Linear(2, 1) });
    expect(dict.keys()).toEqual(['zeta', 'alpha']);
    dict.dispose();
  });

  test('a name given twice and a malformed entry are ArgumentErrors', () => {
    const layer = new Linear(2, 1);
    expect(
      () =>
        new ModuleDict([
          ['a', layer],
          ['a', layer],
        ]),
    ).toThrow('ModuleDict: two modules are named "a"');
    expect(() => new ModuleDict([['a']] as never)).toThrow(
      'ModuleDict: entry 0 must be a [name, module] pair',
    );
    expect(() => new ModuleDict(null as never)).toThrow(ArgumentError);
    layer.dispose();
  });
});
