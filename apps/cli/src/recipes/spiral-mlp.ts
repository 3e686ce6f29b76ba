import { spirals } from '@nagare/data';
import { mlp } from '@nagare/layers/models';
import { decisionBoundaryPlot } from './plots';
import { defineRecipe } from './recipe';

// Fixed data seeds: every run (whatever its --seed) sees the same points, so runs compare.
const DATA = { train: { n: 2000, seed: 1 }, test: { n: 1000, seed: 2 } };

/** Two interleaved spirals (the TensorFlow Playground set): a small MLP learns the curved boundary. */
export const spiralMlp = defineRecipe({
  name: 'spiral-mlp',
  description: 'MLP 2-64-64-2 separating two interleaved spirals; the report draws its decision regions',
  defaults: {
    epochs: 60,
    batchSize: 32,
    lr: 1e-2,
    optimizer: 'adam',
    schedule: 'cosine',
    model: { hidden: [64, 64] },
  },
  input: { kind: 'vector', shape: [2] },
  classes: ['arm 0', 'arm 1'],
  load: async (split, { limit }) => {
    const { n, seed } = DATA[split];
    return spirals(Math.min(n, limit ?? n), { noise: 0.05, seed });
  },
  build: ({ model, seed }) => mlp([2, ...(model.hidden as number[]), 2], 'relu', { flatten: true, seed }),
  plots: [decisionBoundaryPlot],
});
