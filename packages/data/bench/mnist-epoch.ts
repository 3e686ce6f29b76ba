// Loads full MNIST into float32 and iterates one epoch with batch 64; prints time and peak RSS.
// Run: npx tsx bench/mnist-epoch.ts (or via vitest-node); not a test.
import { memory } from '@nagare/tensor';
import { DataLoader, mnist } from '../src/index';

let peakRss = process.memoryUsage().rss;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const t0 = performance.now();
const train = await mnist({ split: 'train' });
sample();
const t1 = performance.now();
const loader = new DataLoader(train, { batchSize: 64, shuffle: true, seed: 0 });
let batches = 0;
for (const [x, y] of loader) {
  batches++;
  x.dispose();
  y.dispose();
  if (batches % 100 === 0) sample();
}
sample();
const t2 = performance.now();
console.log(
  `load 60k: ${(t1 - t0).toFixed(0)} ms; epoch of ${batches} batches: ${(t2 - t1).toFixed(0)} ms; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB; live tensors ${memory().tensors}`,
);
