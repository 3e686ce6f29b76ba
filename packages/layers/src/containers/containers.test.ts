import { ArgumentError, randn, ShapeError, type Tensor, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { ReLU } from '../activations/rectifier-modules';
import { Identity } from '../layers/identity';
import { Linear } from '../layers/linear';
import { describeBackends } from '../test-support/backends';
import { ModuleDict } from './module-dict';
import { ModuleList } from './module-list';
import { Residual } from './residual';
import { Sequential } from './sequential';

describeBackends('containers', () => {
  test('Sequential chains its layers and names them by position', () => {
    const model = new Sequential(new Linear(4, 3, { seed: 0 }), new ReLU());
    model.append(new Linear(3, 2, { seed: 1 }));
    expect(model.length).toBe(3);
    expect(model.at(-1)).toBeInstanceOf(Linear);
    expect(Object.keys(model.stateDict())).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    const x = randn([5, 4], { seed: 2 });
    const manual = (model.at(2) as Linear).call((model.at(0) as Linear).call(x).relu());
    expect(model.call(x).toArray()).toEqual(manual.toArray());
    expect([...model].length).toBe(3);
    expect(() => model.at(3)).toThrow(ArgumentError);
    model.dispose();
  });

  test('Sequential.named keeps the given names', () => {
    const model = Sequential.named({ hidden: new Linear(2, 2), act: new ReLU(), out: new Linear(2, 1) });
    expect(model.namedParameters().map(([name]) => name)).toEqual([
      'hidden.weight',
      'hidden.bias',
      'out.weight',
      'out.bias',
    ]);
    expect(model.call(randn([3, 2])).shape).toEqual([3, 1]);
    model.dispose();
  });

  test('Sequential.named runs [name, layer] pairs, and a Map, in the order given, integer-like names included', () => {
    // Sorted by name these would run Linear(3, 1) first, on a 2-feature input: a ShapeError.
    const pairs = [
      ['2', new Linear(2, 3)],
      ['1', new ReLU()],
      ['0', new Linear(3, 1)],
    ] as const;
    for (const model of [Sequential.named(pairs), Sequential.named(new Map(pairs))]) {
      expect(model.namedParameters().map(([name]) => name)).toEqual([
        '2.weight',
        '2.bias',
        '0.weight',
        '0.bias',
      ]);
      expect(model.at(0)).toBe(pairs[0][1]);
      expect(model.call(randn([4, 2])).shape).toEqual([4, 1]);
    }
    for (const [, layer] of pairs) layer.dispose();
  });

  test('Sequential.named rejects an object with integer-like keys, whose order JavaScript does not keep', () => {
    // Written as hidden, 1, 0 but listed by Object.entries as 0, 1, hidden.
    const layers = { hidden: new Linear(2, 3), 1: new ReLU(), 0: new Linear(3, 1) };
    let error: unknown;
    try {
      Sequential.named(layers);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ArgumentError);
    expect(error).toMatchObject({ op: 'Sequential.named', code: 'INVALID_ARGUMENT' });
    expect((error as Error).message).toContain('"0", "1"');
    expect((error as Error).message).toContain('[name, layer] pairs');
    // Keys that only resemble integers keep their written order and stay allowed.
    const model = Sequential.named({ b: new Linear(2, 2), '01': new ReLU(), a: new Linear(2, 1) });
    expect(model.namedChildren().map(([name]) => name)).toEqual(['b', '01', 'a']);
    model.dispose();
    for (const layer of Object.values(layers)) layer.dispose();
  });

  test('Sequential.named rejects repeated names and entries that are not [name, layer] pairs', () => {
    const linear = new Linear(2, 2);
    expect(() =>
      Sequential.named([
        ['a', linear],
        ['a', new ReLU()],
      ]),
    ).toThrow(/two layers are named "a"/);
    expect(() => Sequential.named([['a', linear], [linear] as never])).toThrow(
      /entry 1 must be a \[name, layer\] pair/,
    );
    expect(() => Sequential.named([['1', linear]]).append(new ReLU())).toThrow(/two layers are named "1"/);
    linear.dispose();
  });

  test('ModuleList registers its items and has no forward', () => {
    const list = new ModuleList([new Linear(2, 2), new Linear(2, 2)]);
    list.extend([new Linear(2, 3)]);
    expect(list.length).toBe(3);
    expect(list.at(2).outFeatures).toBe(3);
    expect(list.namedParameters().map(([name]) => name)).toContain('2.bias');
    let x: Tensor = randn([1, 2]);
    for (const layer of list) x = layer.call(x);
    expect(x.shape).toEqual([1, 3]);
    expect(() => list.forward()).toThrow(ArgumentError);
    expect(() => list.at(5)).toThrow(ArgumentError);
    list.dispose();
  });

  test('ModuleDict holds modules by name', () => {
    const heads = new ModuleDict({ digits: new Linear(4, 10), parity: new Linear(4, 2) });
    expect(heads.keys()).toEqual(['digits', 'parity']);
    expect(heads.get('parity').outFeatures).toBe(2);
    expect(heads.has('digits')).toBe(true);
    expect(Object.keys(heads.stateDict())).toEqual([
      'digits.weight',
      'digits.bias',
      'parity.weight',
      'parity.bias',
    ]);
    const removed = heads.delete('digits');
    expect(heads.size).toBe(1);
    expect(Object.keys(heads.stateDict())).toEqual(['parity.weight', 'parity.bias']);
    expect(() => heads.get('digits')).toThrow(/keys: parity/);
    expect([...heads].map(([name]) => name)).toEqual(['parity']);
    expect(heads.values()).toHaveLength(1);
    expect(heads.entries()[0][0]).toBe('parity');
    expect(() => heads.forward()).toThrow(ArgumentError);
    heads.dispose();
    removed?.dispose();
  });

  test('Residual adds the block to the identity or to a projection shortcut', () => {
    const block = new Linear(3, 3);
    block.loadStateDict({
      weight: tensor([
        [1, 0, 0],
        [0, 2, 0],
        [0, 0, 3],
      ]),
      bias: tensor([0, 0, 1]),
    });
    const unit = new Residual(block);
    expectAllClose(unit.call(tensor([[1, 1, 1]])), [[2, 3, 5]]);
    expect(Object.keys(unit.stateDict())).toEqual(['block.weight', 'block.bias']);
    const projected = new Residual(new Linear(3, 2), new Linear(3, 2, { bias: false }));
    expect(projected.call(randn([4, 3])).shape).toEqual([4, 2]);
    expect(Object.keys(projected.stateDict())).toEqual(['block.weight', 'block.bias', 'shortcut.weight']);
    expect(() => new Residual(new Linear(3, 2)).call(randn([4, 3]))).toThrow(ShapeError);
    expect(new Residual(new Identity(), new Identity()).call(tensor([1])).toArray()).toEqual([2]);
    unit.dispose();
    projected.dispose();
  });
});
