import { ArgumentError, DisposedTensorError, ones, type Tensor, zeros } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { Linear } from './layers/linear';
import type { StateDict } from './state-dict';

/** Runs `fn` and returns what it threw (fails when it returns). */
function thrown(fn: () => unknown): Error & { op?: string; code?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('loadStateDict checks its arguments before copying anything', () => {
  const net = new Linear(2, 1, { seed: 0 });
  const before = net.weight.toArray();

  test.each<[string, unknown, string]>([
    ['undefined', undefined, 'the state dict must be a plain object or a Map of tensors, got undefined'],
    ['null', null, 'got null'],
    ['a number', 3, 'got a number'],
    ['a string', 'weights.safetensors', 'got a string'],
    ['an array of tensors', [ones([1, 2])], 'got an array'],
    ['a tensor', ones([1, 2]), 'got a Tensor'],
    ['a module', new Linear(2, 1), 'got a Linear (pass module.stateDict())'],
  ])('%s is an ArgumentError naming loadStateDict', (_, dict, message) => {
    const error = thrown(() => net.loadStateDict(dict as StateDict));
    expect(error).toBeInstanceOf(ArgumentError);
    expect(error.op).toBe('loadStateDict');
    expect(error.message).toContain(message);
  });

  test('a value that is not a tensor is named by its key, even in a Map', () => {
    const error = thrown(() =>
      net.loadStateDict({ weight: [[1, 2]] as unknown as Tensor, bias: zeros([1]) }),
    );
    expect(error).toBeInstanceOf(ArgumentError);
    expect(error.message).toBe('loadStateDict: value of "weight" must be a Tensor, got an array');
    const fromMap = thrown(() => net.loadStateDict(new Map([['bias', 0 as unknown as Tensor]])));
    expect(fromMap.message).toContain('value of "bias" must be a Tensor, got a number');
  });

  test('a non-string Map key is an ArgumentError', () => {
    const dict = new Map<unknown, Tensor>([[0, zeros([1])]]) as unknown as Map<string, Tensor>;
    expect(thrown(() => net.loadStateDict(dict)).message).toContain('keys must be strings, got a number');
  });

  test('a disposed value is refused before any other value is copied', () => {
    const weight = ones([1, 2]);
    const bias = ones([1]);
    bias.dispose();
    const error = thrown(() => net.loadStateDict({ weight, bias }));
    expect(error).toBeInstanceOf(DisposedTensorError);
    expect(error.message).toBe('loadStateDict: value of "bias" was used after it was disposed');
    expect(net.weight.toArray()).toEqual(before);
    weight.dispose();
  });

  test('malformed options are ArgumentErrors', () => {
    const dict = net.stateDict();
    expect(thrown(() => net.loadStateDict(dict, null as never)).message).toContain(
      'options must be an object, got null',
    );
    expect(thrown(() => net.loadStateDict(dict, { strict: 'no' as never })).message).toContain(
      'options.strict must be a boolean, got a string',
    );
  });
});
