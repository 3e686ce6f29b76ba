import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rand, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import { activationMoments, deepNet, StandardizePixels } from './deep-nets';
import { seluSnn } from './selu-snn';

const silent = { stream: process.stderr, log: () => {} };

test('StandardizePixels maps the MNIST pixel mean to 0 and one std to 1', () => {
  const [zero, one] = new StandardizePixels().call(tensor([0.1307, 0.4388])).dataSync();
  expect(zero).toBeCloseTo(0, 6);
  expect(one).toBeCloseTo(1, 4);
});

test('deepNet builds depth Linear layers; BatchNorm adds 2 parameters per hidden unit', () => {
  const options = { depth: 4, width: 16, alphaDropout: 0.05, seed: 0 };
  const plain = 784 * 16 + 16 + 2 * (16 * 16 + 16) + 16 * 10 + 10;
  expect(deepNet('ReLU', options).numParameters()).toBe(plain);
  expect(deepNet('SNN', options).numParameters()).toBe(plain);
  expect(deepNet('ReLU+BN', options).numParameters()).toBe(plain + 3 * 2 * 16);
});

test('activationMoments leaves BatchNorm running averages and the training flags as they were', () => {
  const net = deepNet('ReLU+BN', { depth: 3, width: 8, alphaDropout: 0, seed: 0 });
  const before = net.buffers().map((b) => Array.from(b.dataSync()));
  const moments = activationMoments(net, rand([20, 1, 28, 28], { seed: 1 }), { useBatchStatistics: true });
  expect(moments).toHaveLength(2);
  expect(net.buffers().map((b) => Array.from(b.dataSync()))).toEqual(before);
  expect(net.modules().every((m) => m.training)).toBe(true);
});

// End to end on a reduced size: SELU keeps every layer's activations near mean 0 and variance 1,
// ReLU's are never centered; and the self-normalizing net trains without any normalization layer.
test('selu-snn: the SNN keeps activations near (0, 1) through the layers and learns', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-snn-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: seluSnn as never,
      size: 'quick',
      params: {
        ...{ train: 1000, test: 300, epochs: 2, batchSize: 50, depths: [8], width: 32, probe: 300 },
        ...{ cnnEpochs: 1, cnnSeeds: 1, cnnChannels: [4, 8], cnnHidden: 16 },
      },
      seed: 0,
      outDir,
      backend: 'wasm',
      threads: 1,
    },
    silent,
  );
  type Moments = { init: { mean: number; variance: number }[] };
  const moments = outcome.summary.moments as Record<string, Moments>;
  expect(moments['SNN/8'].init).toHaveLength(7);
  for (const m of moments['SNN/8'].init) {
    expect(Math.abs(m.mean)).toBeLessThan(0.25);
    expect(m.variance).toBeGreaterThan(0.6);
    expect(m.variance).toBeLessThan(1.6);
  }
  for (const kind of ['ReLU/8', 'ReLU+BN/8']) {
    for (const m of moments[kind].init) expect(m.mean).toBeGreaterThan(0.2);
  }
  const accuracy = outcome.summary.test_acc as Record<string, number>;
  expect(accuracy['SNN/8']).toBeGreaterThan(0.3);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain('Depth 8: variance of each hidden layer&#39;s activations');
  expect(html).toContain('Depth 8: training loss');
  expect(html).toContain('The paper&#39;s MNIST CNN: SELU against ReLU');
  const cnn = outcome.summary.cnn_test_acc as Record<string, { mean: number }>;
  expect(cnn.SELU.mean).toBeGreaterThan(0.5);
});
