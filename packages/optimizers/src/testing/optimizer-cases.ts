import type { Tensor } from '@nagare/tensor';
import { Adadelta } from '../adadelta';
import { Adagrad } from '../adagrad';
import { Adam } from '../adam';
import { Adamax } from '../adamax';
import { AdamW } from '../adamw';
import { Lion } from '../lion';
import { Momentum } from '../momentum';
import { Nesterov } from '../nesterov';
import type { Optimizer } from '../optimizer';
import { RMSProp } from '../rmsprop';
import { SGD } from '../sgd';

/**
 * One optimizer configuration to compare across backends: `make` builds it over the problem's
 * parameters; `isClipped` clips the gradients on the device (`clipGradNormOnDevice`) before each step.
 */
export interface OptimizerCase {
  optimizer: string;
  name: string;
  make: (params: Tensor[]) => Optimizer;
  isClipped?: boolean;
}

/** Every optimizer, with its main options (weight decay, amsgrad, centered, Nesterov, …). */
export const OPTIMIZER_CASES: readonly OptimizerCase[] = [
  { optimizer: 'SGD', name: 'SGD', make: (p) => new SGD(p, { lr: 0.1 }) },
  {
    optimizer: 'SGD',
    name: 'SGD with weight decay',
    make: (p) => new SGD(p, { lr: 0.1, weightDecay: 0.01 }),
  },
  {
    optimizer: 'SGD',
    name: 'SGD with momentum and dampening',
    make: (p) => new SGD(p, { lr: 0.05, momentum: 0.9, dampening: 0.1 }),
  },
  { optimizer: 'Momentum', name: 'Momentum', make: (p) => new Momentum(p, { lr: 0.05, momentum: 0.8 }) },
  { optimizer: 'Nesterov', name: 'Nesterov', make: (p) => new Nesterov(p, { lr: 0.05, momentum: 0.9 }) },
  { optimizer: 'Adam', name: 'Adam', make: (p) => new Adam(p, { lr: 0.01 }) },
  {
    optimizer: 'Adam',
    name: 'Adam with amsgrad and weight decay',
    make: (p) => new Adam(p, { lr: 0.01, amsgrad: true, weightDecay: 0.01 }),
  },
  { optimizer: 'AdamW', name: 'AdamW', make: (p) => new AdamW(p, { lr: 0.01, decoupledWeightDecay: 0.1 }) },
  { optimizer: 'Adamax', name: 'Adamax', make: (p) => new Adamax(p, { lr: 0.02 }) },
  { optimizer: 'Adagrad', name: 'Adagrad', make: (p) => new Adagrad(p, { lr: 0.1, lrDecay: 0.01 }) },
  { optimizer: 'Adadelta', name: 'Adadelta', make: (p) => new Adadelta(p, { lr: 1 }) },
  { optimizer: 'RMSProp', name: 'RMSProp', make: (p) => new RMSProp(p, { lr: 0.01 }) },
  {
    optimizer: 'RMSProp',
    name: 'RMSProp centered with momentum',
    make: (p) => new RMSProp(p, { lr: 0.01, centered: true, momentum: 0.5 }),
  },
  { optimizer: 'Lion', name: 'Lion', make: (p) => new Lion(p, { lr: 0.01, weightDecay: 0.1 }) },
  {
    optimizer: 'SGD',
    name: 'SGD after clipGradNormOnDevice',
    make: (p) => new SGD(p, { lr: 0.1 }),
    isClipped: true,
  },
];
