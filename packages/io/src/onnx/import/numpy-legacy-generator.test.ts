import { bernoulli } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { ComplementedNumpyGenerator, NumpyLegacyGenerator } from './numpy-legacy-generator';

test("reproduces NumPy's legacy stream: np.random.seed(0); np.random.random_sample(5)", () => {
  const g = new NumpyLegacyGenerator(0);
  const values = Array.from({ length: 5 }, () => g.nextFloat());
  expect(values).toEqual([
    0.5488135039273248, 0.7151893663724195, 0.6027633760716439, 0.5448831829968969, 0.4236547993389047,
  ]);
  // The C++ standard fixes MT19937's 10000th word from the default seed 5489: 4123659995.
  const standard = new NumpyLegacyGenerator(5489);
  for (let i = 1; i < 10_000; i++) standard.nextUint32();
  expect(standard.nextUint32()).toBe(4123659995);
});

test('the complemented stream makes bernoulli(1 − ratio) keep exactly where NumPy has u ≥ ratio', () => {
  const numpy = new NumpyLegacyGenerator(3);
  const expected = Array.from({ length: 1000 }, () => (numpy.nextFloat() >= 0.3 ? 1 : 0));
  const mask = bernoulli([1000], 0.7, { generator: new ComplementedNumpyGenerator(3) });
  expect(Array.from(mask.dataSync())).toEqual(expected);
});
