import { mlp } from '@nagare/layers/models';
import { confusionPlot } from './plots';
import { defineRecipe } from './recipe';
import { DIGIT_CLASSES, loadMnist } from './sources';

/** MNIST with a 784-512-256-10 ReLU MLP and dropout: ≥ 98% test accuracy with its defaults. */
export const mnistMlp = defineRecipe({
  name: 'mnist-mlp',
  description: 'MLP 784-512-256-10 (ReLU, dropout 0.2) on MNIST digits; reaches ≥ 98% test accuracy',
  defaults: {
    epochs: 10,
    batchSize: 128,
    lr: 1e-3,
    optimizer: 'adam',
    schedule: 'cosine',
    model: { hidden: [512, 256], dropout: 0.2 },
  },
  input: { kind: 'image', shape: [1, 28, 28] },
  classes: DIGIT_CLASSES,
  load: loadMnist,
  build: ({ model, seed }) =>
    mlp([784, ...(model.hidden as number[]), 10], 'relu', {
      flatten: true,
      dropout: model.dropout as number,
      seed,
    }),
  plots: [confusionPlot],
});
