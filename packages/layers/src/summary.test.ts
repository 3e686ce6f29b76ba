import { randn, type Tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { ReLU } from './activations/rectifier-modules';
import { Sequential } from './containers/sequential';
import { BatchNorm1d } from './layers/batch-norm';
import { Linear } from './layers/linear';
import { Module } from './module';
import { summary } from './summary';
import { describeBackends } from './test-support/backends';

class TwoInputs extends Module<[Tensor, Tensor], Tensor[]> {
  readonly a = this.registerModule('a', new Linear(2, 3));
  forward(x: Tensor, y: Tensor): Tensor[] {
    return [this.a.call(x), y];
  }
}

describeBackends('summary and toString', () => {
  test('toString lists every module with its own parameters and the totals', () => {
    const model = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 10));
    model.at(2).requiresGrad_(false);
    expect(model.toString()).toBe(
      [
        'Layer (type)                                               Param #',
        '==================================================================',
        'Sequential                                                       0',
        '  0 (Linear: inFeatures=784, outFeatures=128, bias=true)   100,480',
        '  1 (ReLU)                                                       0',
        '  2 (Linear: inFeatures=128, outFeatures=10, bias=true)      1,290',
        '==================================================================',
        'Total parameters: 101,770',
        'Trainable parameters: 100,480',
        'Non-trainable parameters: 1,290',
      ].join('\n'),
    );
    model.dispose();
  });

  test('summary adds output shapes from one forward pass and leaves modes and statistics alone', () => {
    const model = new Sequential(new Linear(4, 8), new BatchNorm1d(8), new ReLU(), new Linear(8, 2));
    const norm = model.at(1) as BatchNorm1d;
    const text = summary(model, [5, 4]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Layer \(type\)\s+Output shape\s+Param #$/);
    expect(lines[2]).toMatch(/^Sequential\s+\[5, 2\]\s+0$/);
    expect(lines[3]).toMatch(/^ {2}0 \(Linear: .*\)\s+\[5, 8\]\s+40$/);
    expect(lines[4]).toMatch(/^ {2}1 \(BatchNorm1d: 8, .*\)\s+\[5, 8\]\s+16$/);
    expect(text).toContain('Total parameters: 74');
    expect(model.training).toBe(true);
    expect(norm.numBatchesTracked!.item()).toBe(0);
    const before = model.at(0).registerForwardHook(() => {});
    before();
    model.dispose();
  });

  test('summary takes several input shapes and lists several outputs', () => {
    const model = new TwoInputs();
    const text = summary(model, [
      [1, 2],
      [7, 7],
    ]);
    expect(text.split('\n')[2]).toMatch(/^TwoInputs\s+\[1, 3\], \[7, 7\]\s+0$/);
    model.eval();
    summary(model, [
      [1, 2],
      [1, 1],
    ]);
    expect(model.training).toBe(false);
    model.dispose();
  });

  test('a module that summary does not reach shows no shape', () => {
    class Skips extends Module {
      readonly unused = this.registerModule('unused', new Linear(1, 1));
      forward(x: Tensor): Tensor {
        return x;
      }
    }
    const text = summary(new Skips(), [2, 2]);
    expect(text.split('\n')[3]).toMatch(/^ {2}unused \(Linear: .*\)\s+—\s+2$/);
    expect(randn([1]).shape).toEqual([1]);
  });
});
