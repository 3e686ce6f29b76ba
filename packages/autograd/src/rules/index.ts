// The gradient rule of every primitive op, by op name. A mapped type over OpName: an op added to
// @nagare/tensor without a rule here, or an explicit nonDifferentiable mark, fails the type check.
import { type GradRuleTable, nonDifferentiable } from '../grad-rule';
import { absGrad } from './abs';
import { addGrad } from './add';
import { avgPool2dGrad } from './avg-pool2d';
import { avgPool2dBackwardGrad } from './avg-pool2d-backward';
import { castGrad } from './cast';
import { ceilGrad } from './ceil';
import { clipGrad } from './clip';
import { concatGrad } from './concat';
import { conv2dGrad } from './conv2d';
import { conv2dBackpropFilterGrad } from './conv2d-backprop-filter';
import { conv2dBackpropInputGrad } from './conv2d-backprop-input';
import { cosGrad } from './cos';
import { cumsumGrad } from './cumsum';
import { divGrad } from './div';
import { erfGrad } from './erf';
import { expGrad } from './exp';
import { expandGrad } from './expand';
import { expm1Grad } from './expm1';
import { floorGrad } from './floor';
import { gatherGrad } from './gather';
import { logGrad } from './log';
import { logSoftmaxGrad } from './log-softmax';
import { log1pGrad } from './log1p';
import { matmulGrad } from './matmul';
import { maxGrad } from './max';
import { maxPool2dGrad } from './max-pool2d';
import { maxPool2dBackwardGrad } from './max-pool2d-backward';
import { maximumGrad } from './maximum';
import { minGrad } from './min';
import { minimumGrad } from './minimum';
import { mulGrad } from './mul';
import { negGrad } from './neg';
import { padGrad } from './pad';
import { powGrad } from './pow';
import { prodGrad } from './prod';
import { reciprocalGrad } from './reciprocal';
import { reluGrad } from './relu';
import { reshapeGrad } from './reshape';
import { roundGrad } from './round';
import { rsqrtGrad } from './rsqrt';
import { scatterAddGrad } from './scatter-add';
import { sigmoidGrad } from './sigmoid';
import { signGrad } from './sign';
import { sinGrad } from './sin';
import { sliceGrad } from './slice';
import { softmaxGrad } from './softmax';
import { softplusGrad } from './softplus';
import { sqrtGrad } from './sqrt';
import { squareGrad } from './square';
import { stepGrad } from './step';
import { subGrad } from './sub';
import { sumGrad } from './sum';
import { tanhGrad } from './tanh';
import { topkGrad } from './topk';
import { transposeGrad } from './transpose';
import { whereGrad } from './where';

const BOOL_OUTPUT = nonDifferentiable('its output is bool');
const INDEX_OUTPUT = nonDifferentiable('its output is an int32 index');
const IN_PLACE_UPDATE = nonDifferentiable(
  'it is an in-place optimizer update, run with runInPlace and never recorded',
);

/**
 * Every primitive op's gradient rule or its `nonDifferentiable` mark, by op name.
 *
 * @example
 * gradRules.exp.save; // 'outputs': exp's rule reuses y = eˣ
 * isNonDifferentiable(gradRules.argmax); // true
 */
export const gradRules: GradRuleTable = {
  abs: absGrad,
  adadeltaUpdate: IN_PLACE_UPDATE,
  adagradUpdate: IN_PLACE_UPDATE,
  adamaxUpdate: IN_PLACE_UPDATE,
  adamUpdate: IN_PLACE_UPDATE,
  add: addGrad,
  argmax: INDEX_OUTPUT,
  argmin: INDEX_OUTPUT,
  avgPool2d: avgPool2dGrad,
  avgPool2dBackward: avgPool2dBackwardGrad,
  cast: castGrad,
  ceil: ceilGrad,
  clip: clipGrad,
  concat: concatGrad,
  conv2d: conv2dGrad,
  conv2dBackpropFilter: conv2dBackpropFilterGrad,
  conv2dBackpropInput: conv2dBackpropInputGrad,
  cos: cosGrad,
  cumsum: cumsumGrad,
  div: divGrad,
  eq: BOOL_OUTPUT,
  erf: erfGrad,
  exp: expGrad,
  expand: expandGrad,
  expm1: expm1Grad,
  floor: floorGrad,
  gather: gatherGrad,
  ge: BOOL_OUTPUT,
  gt: BOOL_OUTPUT,
  isNaN: BOOL_OUTPUT,
  le: BOOL_OUTPUT,
  lionUpdate: IN_PLACE_UPDATE,
  log: logGrad,
  log1p: log1pGrad,
  logicalAnd: BOOL_OUTPUT,
  logicalNot: BOOL_OUTPUT,
  logicalOr: BOOL_OUTPUT,
  logSoftmax: logSoftmaxGrad,
  lt: BOOL_OUTPUT,
  matmul: matmulGrad,
  max: maxGrad,
  maximum: maximumGrad,
  maxPool2d: maxPool2dGrad,
  maxPool2dBackward: maxPool2dBackwardGrad,
  min: minGrad,
  minimum: minimumGrad,
  momentumUpdate: IN_PLACE_UPDATE,
  mul: mulGrad,
  ne: BOOL_OUTPUT,
  neg: negGrad,
  oneHot: nonDifferentiable('its input is an int32 index tensor'),
  pad: padGrad,
  pow: powGrad,
  prod: prodGrad,
  reciprocal: reciprocalGrad,
  relu: reluGrad,
  reshape: reshapeGrad,
  rmspropUpdate: IN_PLACE_UPDATE,
  round: roundGrad,
  rsqrt: rsqrtGrad,
  scatterAdd: scatterAddGrad,
  sgdUpdate: IN_PLACE_UPDATE,
  sigmoid: sigmoidGrad,
  sign: signGrad,
  sin: sinGrad,
  slice: sliceGrad,
  softmax: softmaxGrad,
  softplus: softplusGrad,
  sqrt: sqrtGrad,
  square: squareGrad,
  step: stepGrad,
  sub: subGrad,
  sum: sumGrad,
  tanh: tanhGrad,
  topk: topkGrad,
  transpose: transposeGrad,
  where: whereGrad,
};
