import { lenet5 } from '@nagare/layers/models';
import { confusionPlot } from './plots';
import { defineRecipe } from './recipe';
import { DIGIT_CLASSES, loadMnist } from './sources';

/** LeNet-5 on MNIST: ≥ 99% test accuracy with its defaults. */
export const mnistLenet5 = defineRecipe({
  name: 'mnist-lenet5',
  description: 'LeNet-5 convolutional network (ReLU, max-pool) on MNIST; reaches ≥ 99% test accuracy',
  defaults: {
    epochs: 8,
    batchSize: 64,
    lr: 2e-3,
    optimizer: 'adam',
    schedule: 'cosine',
    model: {},
  },
  input: { kind: 'image', shape: [1, 28, 28] },
  classes: DIGIT_CLASSES,
  load: loadMnist,
  build: ({ seed }) => lenet5({ variant: 'modern', numClasses: 10, seed }),
  plots: [confusionPlot],
});
