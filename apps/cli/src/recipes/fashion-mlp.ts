import { mnistMlp } from './mnist-mlp';
import { defineRecipe } from './recipe';
import { FASHION_CLASSES, loadFashionMnist } from './sources';

/** Fashion-MNIST (from the user's --data-dir) with the same MLP, input and plots as mnist-mlp. */
export const fashionMlp = defineRecipe({
  name: 'fashion-mlp',
  description: 'MLP 784-512-256-10 on Fashion-MNIST clothing images (needs --data-dir with its IDX files)',
  // Clothing is harder than digits: five more epochs, everything else as in mnist-mlp.
  defaults: { ...mnistMlp.defaults, epochs: 15 },
  input: mnistMlp.input,
  classes: FASHION_CLASSES,
  load: loadFashionMnist,
  build: mnistMlp.build,
  plots: mnistMlp.plots,
});
