import { ArgumentError, isNagareError, memory, type Tensor, tensor, tidy, zeros } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { ModuleDict } from './containers/module-dict';
import { ModuleList } from './containers/module-list';
import { Sequential } from './containers/sequential';
import { StateDictError } from './errors/state-dict-error';
import { Linear } from './layers/linear';
import { type AnyModule, Module } from './module';
import { describeBackends } from './test-support/backends';

class Scale extends Module {
  readonly factor: Tensor;
  readonly count: Tensor;
  constructor() {
    super();
    this.factor = this.registerParameter('factor', tensor([2]));
    this.count = this.registerBuffer('count', zeros([]));
    this.registerBuffer('scratch', zeros([3]), { persistent: false });
  }
  forward(x: Tensor): Tensor {
    return x.mul(this.factor);
  }
}

class Net extends Module {
  readonly features = this.registerModule(
    'features',
    new Sequential(new Linear(4, 3, { seed: 1 }), new Scale()),
  );
  readonly heads = this.registerModule('heads', new ModuleDict({ a: new Linear(3, 2, { seed: 2 }) }));
  forward(x: Tensor): Tensor {
    return this.heads.get('a').call(this.features.call(x));
  }
}

describeBackends('Module', () => {
  test('namedParameters gives PyTorch-style dotted names in registration order', () => {
    const net = new Net();
    expect(net.namedParameters().map(([name]) => name)).toEqual([
      'features.0.weight',
      'features.0.bias',
      'features.1.factor',
      'heads.a.weight',
      'heads.a.bias',
    ]);
    expect(net.namedParameters({ prefix: 'model' })[0][0]).toBe('model.features.0.weight');
    expect(net.parameters().every((p) => p.requiresGrad)).toBe(true);
    expect(net.namedBuffers().map(([name]) => name)).toEqual(['features.1.count', 'features.1.scratch']);
    expect(net.buffers()).toHaveLength(2);
    expect(net.numParameters()).toBe(4 * 3 + 3 + 1 + 3 * 2 + 2);
    net.dispose();
  });

  test('children, modules and namedModules walk the tree parents first', () => {
    const net = new Net();
    expect(net.namedChildren().map(([name]) => name)).toEqual(['features', 'heads']);
    expect(net.children()).toEqual([net.features, net.heads]);
    expect(net.namedModules().map(([name]) => name)).toEqual([
      '',
      'features',
      'features.0',
      'features.1',
      'heads',
      'heads.a',
    ]);
    expect(net.modules()[0]).toBe(net);
    net.dispose();
  });

  test('call runs forward and the forward hooks; a removed hook stops', () => {
    const net = new Net();
    const seen: number[][] = [];
    const remove = net.features.registerForwardHook((_module, _inputs, output) =>
      seen.push([...(output as Tensor).shape]),
    );
    tidy(() => net.call(zeros([5, 4])));
    remove();
    tidy(() => net.call(zeros([5, 4])));
    expect(seen).toEqual([[5, 3]]);
    net.dispose();
  });

  test('train and eval set the mode of every descendant', () => {
    const net = new Net();
    net.eval();
    expect(net.modules().every((m) => !m.training)).toBe(true);
    net.train();
    expect(net.modules().every((m) => m.training)).toBe(true);
    net.dispose();
  });

  test('apply visits children before parents; requiresGrad_ freezes', () => {
    const net = new Net();
    const order: string[] = [];
    net.apply((m: AnyModule) => order.push(m.constructor.name));
    expect(order).toEqual(['Linear', 'Scale', 'Sequential', 'Linear', 'ModuleDict', 'Net']);
    net.features.requiresGrad_(false);
    expect(net.numParameters({ trainableOnly: true })).toBe(3 * 2 + 2);
    net.dispose();
  });

  test('zeroGrad clears every gradient', () => {
    const net = new Net();
    for (const p of net.parameters()) p.grad = zeros(p.shape);
    net.zeroGrad();
    expect(net.parameters().every((p) => p.grad === null)).toBe(true);
    net.dispose();
  });

  test('registration rejects bad names, clashes, non-float and non-leaf parameters', () => {
    const net = new Net();
    const catchError = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(catchError(() => net.registerParameter('a.b', zeros([1])))).toBeInstanceOf(ArgumentError);
    expect(catchError(() => net.registerParameter('', zeros([1])))).toBeInstanceOf(ArgumentError);
    expect(catchError(() => net.registerParameter('features', zeros([1])))).toBeInstanceOf(ArgumentError);
    expect(catchError(() => net.registerParameter('i', zeros([1], { dtype: 'int32' })))).toBeInstanceOf(
      ArgumentError,
    );
    const nonLeaf = zeros([1]);
    nonLeaf.gradNode = {};
    expect(catchError(() => net.registerParameter('n', nonLeaf))).toBeInstanceOf(ArgumentError);
    expect(catchError(() => net.registerModule('self', net))).toBeInstanceOf(ArgumentError);
    nonLeaf.dispose();
    net.dispose();
  });

  test('parameters created inside tidy survive it', () => {
    const layer = tidy(() => new Linear(2, 2, { seed: 0 }));
    expect(layer.weight.isDisposed).toBe(false);
    expect(layer.call(zeros([1, 2])).shape).toEqual([1, 2]);
    layer.dispose();
  });

  test('dispose frees every parameter and buffer', () => {
    const before = memory().tensors;
    const net = new Net();
    net.dispose();
    expect(memory().tensors).toBe(before);
    expect(net.features.at(0) instanceof Linear && (net.features.at(0) as Linear).weight.isDisposed).toBe(
      true,
    );
  });
});

describeBackends('state dicts', () => {
  test('stateDict holds parameters and persistent buffers only', () => {
    const net = new Net();
    expect(Object.keys(net.stateDict())).toEqual([
      'features.0.weight',
      'features.0.bias',
      'features.1.factor',
      'features.1.count',
      'heads.a.weight',
      'heads.a.bias',
    ]);
    net.dispose();
  });

  test('loadStateDict copies values in place, keeping the tensor objects', () => {
    const source = new Net();
    const target = new Net();
    const weight = (target.features.at(0) as Linear).weight;
    target.loadStateDict(source.stateDict());
    expect(weight.toArray()).toEqual((source.features.at(0) as Linear).weight.toArray());
    expect((target.features.at(0) as Linear).weight).toBe(weight);
    source.dispose();
    target.dispose();
  });

  test('loadStateDict accepts a Map and converts dtypes', () => {
    const net = new Linear(1, 1);
    net.loadStateDict(
      new Map([
        ['weight', tensor([[3]], { dtype: 'float64' })],
        ['bias', tensor([4], { dtype: 'float64' })],
      ]),
    );
    expect(net.weight.dtype).toBe('float32');
    expect(net.weight.toArray()).toEqual([[3]]);
    net.dispose();
  });

  test('a mismatch lists missing, unexpected and wrongly shaped keys and loads nothing', () => {
    const net = new Linear(2, 3, { seed: 0 });
    const before = net.weight.toArray();
    let error: unknown;
    try {
      net.loadStateDict({ weight: zeros([2, 3]), extra: zeros([1]) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StateDictError);
    expect(isNagareError(error)).toBe(true);
    const mismatch = error as StateDictError;
    expect(mismatch.code).toBe('STATE_DICT_MISMATCH');
    expect(mismatch.missingKeys).toEqual(['bias']);
    expect(mismatch.unexpectedKeys).toEqual(['extra']);
    expect(mismatch.shapeMismatches).toEqual([{ key: 'weight', expected: [3, 2], received: [2, 3] }]);
    expect(mismatch.message).toMatch(/missing keys: bias/);
    expect(mismatch.message).toMatch(/wrong shape: weight \(model \[3, 2\], state dict \[2, 3\]\)/);
    expect(net.weight.toArray()).toEqual(before);
    net.dispose();
  });

  test('non-strict loading reports the skipped keys; shapes are still checked', () => {
    const net = new Linear(2, 3);
    const result = net.loadStateDict({ weight: zeros([3, 2]), other: zeros([1]) }, { strict: false });
    expect(result).toEqual({ missingKeys: ['bias'], unexpectedKeys: ['other'] });
    expect(net.weight.toArray()).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(() => net.loadStateDict({ weight: zeros([2, 2]) }, { strict: false })).toThrow(StateDictError);
    expect(() => net.loadStateDict({ weight: [1] as unknown as Tensor }, { strict: false })).toThrow(
      ArgumentError,
    );
    net.dispose();
  });

  test('a tied module appears under both paths, as in PyTorch', () => {
    const shared = new Linear(2, 2);
    const model = new ModuleList([shared, shared]);
    expect(Object.keys(model.stateDict())).toEqual(['0.weight', '0.bias', '1.weight', '1.bias']);
    expect(model.namedParameters().map(([name]) => name)).toEqual(['0.weight', '0.bias']);
    model.dispose();
  });
});
