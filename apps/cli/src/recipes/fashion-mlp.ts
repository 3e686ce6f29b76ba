import { mlp } from '@nagare/layers/models';
import { confusionPlot } from './plots';
import { defineRecipe } from './recipe';
import { FASHION_CLASSES, loadFashionMnist } from './sources';

/** Fashion-MNIST (from the user's --data-dir) with the same MLP as mnist-mlp. */
export const fashionMlp = defineRecipe({
  name: 'fashion-mlp',
  description: 'MLP 784-512-256-10 on Fashion-MNIST clothing images (needs --data-dir with its IDX files)',
  defaults: {
    epochs: 15,
    batchSize: 128,
    lr: 1e-3,
    optimizer: 'adam',
    schedule: 'cosine',
    model: { hidden: [512, 256], dropout: 0.2 },
  },
  input: { kind: 'image', shape: [1, 28, 28] },
  classes: FASHION_CLASSES,
  load: loadFashionMnist,
  build: ({ model, seed }) =>
    mlp([784, ...(model.hidden as number[]), 10], 'relu', {
      flatten: true,
      dropout: model.dropout as number,
      seed,
    }),
  plots: [confusionPlot],
});
