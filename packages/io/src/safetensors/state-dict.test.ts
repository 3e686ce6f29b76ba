import { BatchNorm1d, Linear, LSTM, Sequential } from '@nagare/layers';
import { randn } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { parseSafetensors } from './parse';
import { serializeSafetensors } from './serialize';

test('a layers state dict keeps its PyTorch names and loads into a fresh model', () => {
  const make = (seed: number) => new Sequential(new Linear(3, 4, { seed }), new BatchNorm1d(4));
  const model = make(1);
  model.call(randn([5, 3], { seed: 2 })); // training step: running statistics and the batch count move
  const bytes = serializeSafetensors(model.stateDict(), { format: 'pt' }, { int32As: 'I64' });
  const { tensors } = parseSafetensors(bytes);
  expect(Object.keys(tensors).sort()).toEqual([
    '0.bias',
    '0.weight',
    '1.bias',
    '1.num_batches_tracked',
    '1.running_mean',
    '1.running_var',
    '1.weight',
  ]);
  const copy = make(7);
  copy.loadStateDict(tensors);
  for (const [name, value] of Object.entries(model.stateDict())) {
    expect(copy.stateDict()[name].toArray()).toEqual(value.toArray());
  }
  expect(copy.stateDict()['1.num_batches_tracked'].item()).toBe(1);
});

test('an LSTM saves weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 and the _reverse direction', () => {
  const lstm = new LSTM(2, 3, { bidirectional: true, seed: 0 });
  const { tensors } = parseSafetensors(serializeSafetensors(lstm.stateDict()));
  expect(Object.keys(tensors).sort()).toEqual([
    'bias_hh_l0',
    'bias_hh_l0_reverse',
    'bias_ih_l0',
    'bias_ih_l0_reverse',
    'weight_hh_l0',
    'weight_hh_l0_reverse',
    'weight_ih_l0',
    'weight_ih_l0_reverse',
  ]);
  expect(tensors.weight_ih_l0.shape).toEqual([12, 2]);
});
