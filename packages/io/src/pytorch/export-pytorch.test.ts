import { HardSigmoid, Linear, LSTM, Module, ReLU, Sequential } from '@nagare/layers';
import type { Tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { PyTorchExportError } from '../errors/pytorch-export-error';
import { exportPyTorch } from './export-pytorch';

class Doubler extends Module {
  forward(x: Tensor): Tensor {
    return x.mul(2);
  }
}

describe('exportPyTorch', () => {
  test('writes a Model class with the layers, the input shape and the safetensors reader', () => {
    const source = exportPyTorch(
      new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 2, { bias: false })),
      {
        title: 'tiny',
        inputShape: [4],
      },
    );
    expect(source).toContain('class Model(nn.Sequential):');
    expect(source).toContain('nn.Linear(4, 8, bias=True),');
    expect(source).toContain('nn.Linear(8, 2, bias=False),');
    expect(source).toContain('INPUT_SHAPE = (4,)');
    expect(source).toContain('def load_safetensors(path):');
    expect(source).not.toContain('OrderedDict');
  });

  test('named layers keep their names through an OrderedDict', () => {
    const source = exportPyTorch(Sequential.named({ features: new Linear(3, 3), head: new Linear(3, 1) }));
    expect(source).toContain('from collections import OrderedDict');
    expect(source).toMatch(/\("features", nn\.Linear\(3, 3, bias=True\)\)/);
  });

  test('an unknown module is a PyTorchExportError naming its path and class', () => {
    const model = new Sequential(new Linear(2, 2), new Doubler());
    const error = (() => {
      try {
        exportPyTorch(model);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(PyTorchExportError);
    expect(error).toMatchObject({ code: 'PYTORCH_EXPORT', path: '1', moduleType: 'Doubler' });
  });

  test('a subclass of a known layer is not written as its parent (its forward may differ)', () => {
    class ScaledLinear extends Linear {
      override forward(x: Tensor): Tensor {
        return super.forward(x).mul(2);
      }
    }
    expect(() => exportPyTorch(new Sequential(new ScaledLinear(2, 2)))).toThrow(
      expect.objectContaining({ path: '0', moduleType: 'ScaledLinear' }),
    );
  });

  test('options PyTorch cannot hold are errors, not silent changes', () => {
    expect(() => exportPyTorch(new LSTM(3, 4, { peepholes: true }))).toThrow(PyTorchExportError);
    expect(() => exportPyTorch(new Sequential(new HardSigmoid({ alpha: 0.2 })))).toThrow(/0\.2/);
  });
});
