import { type AnyModule, GlobalAvgPool, Residual, Sequential } from '@nagare/layers';
import { BasicBlock, CharRNN, InceptionBlock } from '@nagare/layers/models';
import { PyTorchExportError } from '../errors/pytorch-export-error';
import { ACTIVATION_WRITERS, RECURRENT_WRITER } from './activation-writers';
import { isExactly, LAYER_WRITERS } from './layer-writers';
import { call, list, type PyExpr, pyInt, pyString, tuple } from './python-expression';

/**
 * Turns a nagare module tree into one Python expression that builds the same tree with torch.nn,
 * recording which helper classes of model.py (python-helpers.ts) the expression uses.
 */
export class ModuleWriter {
  /** Helper classes the written expressions call, in the order first used. */
  readonly helpers = new Set<string>();

  /** The constructor expression of `module`, found at dotted `path` in the model. */
  write(module: AnyModule, path = ''): PyExpr {
    const context = { path };
    for (const writer of [...LAYER_WRITERS, ...ACTIVATION_WRITERS, RECURRENT_WRITER]) {
      const expression = writer(module, context);
      if (expression !== null) {
        this.#expectNoChildren(module, path);
        if (typeof expression !== 'string' && expression.kind === 'call' && /^[A-Z]/.test(expression.callee))
          this.helpers.add(expression.callee);
        return expression;
      }
    }
    const block = this.#block(module, path);
    if (block !== null) return block;
    throw new PyTorchExportError(
      path,
      module.constructor.name,
      'has no PyTorch counterpart that exportPyTorch knows (supported: torch.nn layers of nagare, Sequential, Residual and the zoo blocks)',
    );
  }

  #child(module: AnyModule, path: string, name: string): PyExpr {
    const child = module.namedChildren().find(([childName]) => childName === name)?.[1];
    if (!child) return 'None';
    return this.write(child, path === '' ? name : `${path}.${name}`);
  }

  /** Nagare modules made of children: a container or one of model.py's helper classes. */
  #block(module: AnyModule, path: string): PyExpr | null {
    const child = (name: string) => this.#child(module, path, name);
    const helper = (name: string, args: PyExpr[], kwargs: Record<string, PyExpr | undefined> = {}) => {
      this.helpers.add(name);
      return call(name, args, kwargs);
    };
    if (isExactly(module, Sequential)) return this.#sequential(module, path);
    if (isExactly(module, Residual)) {
      return helper('Residual', [child('block')], {
        shortcut: module.shortcut ? child('shortcut') : undefined,
      });
    }
    if (isExactly(module, BasicBlock)) {
      let downsample: PyExpr = 'None';
      if (module.downsample instanceof Sequential) downsample = child('downsample');
      else if (module.downsample !== null) {
        // The zero-padded shortcut (option A) is internal to the zoo: read its two settings.
        const { stride, extraChannels } = module.downsample as unknown as {
          stride: number;
          extraChannels: number;
        };
        downsample = helper('ZeroPadShortcut', [pyInt(stride), pyInt(extraChannels)]);
      }
      const [conv1, bn1, conv2, bn2] = ['conv1', 'bn1', 'conv2', 'bn2'].map(child);
      return helper('BasicBlock', [], { conv1, bn1, conv2, bn2, downsample });
    }
    if (isExactly(module, InceptionBlock))
      return helper('InceptionBlock', ['branch1', 'branch2', 'branch3', 'branch4'].map(child));
    if (isExactly(module, CharRNN)) {
      const [embedding, rnn, head] = ['embedding', 'rnn', 'head'].map(child);
      return helper('CharRNN', [], { embedding, rnn, head });
    }
    if (isExactly(module, GlobalAvgPool)) return helper('GlobalAvgPool', []);
    return null;
  }

  /** nn.Sequential with positional layers when they are named 0, 1, …, else with an OrderedDict of names. */
  #sequential(module: Sequential, path: string): PyExpr {
    const children = module.namedChildren();
    const layers = children.map(([name, layer]) => this.write(layer, path === '' ? name : `${path}.${name}`));
    const isPositional = children.every(([name], index) => name === String(index));
    if (isPositional) return call('nn.Sequential', layers);
    this.helpers.add('OrderedDict');
    return call('nn.Sequential', [
      call('OrderedDict', [list(children.map(([name], index) => tuple([pyString(name), layers[index]])))]),
    ]);
  }

  /** A layer written as one torch.nn call must not hide children (their parameters would be lost). */
  #expectNoChildren(module: AnyModule, path: string): void {
    if (module.namedChildren().length > 0)
      throw new PyTorchExportError(
        path,
        module.constructor.name,
        'has child modules that its PyTorch layer would not hold',
      );
  }
}
