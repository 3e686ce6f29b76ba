import type { OpCase } from '../op-case';
import { binaryCases } from './binary';
import { clipCastCases } from './clip-cast';
import { elementwiseCases } from './elementwise';
import { indexingCases } from './indexing';
import { matmulCases } from './matmul';
import { nnCases } from './nn';
import { optimizerUpdateCases } from './optimizer-updates';
import { reduceCases } from './reduce';
import { reduceCompositeCases } from './reduce-composites';
import { shapeCases } from './shape';
import { slicePadCases } from './slice-pad';
import { softmaxCases } from './softmax';
import { unaryCases } from './unary';
import { viewCases } from './views';

/** Every op's forward cases. Backends run all of them through `runOpCases`. */
export const ALL_CASES: readonly OpCase[] = [
  ...elementwiseCases,
  ...unaryCases,
  ...binaryCases,
  ...clipCastCases,
  ...reduceCases,
  ...reduceCompositeCases,
  ...matmulCases,
  ...softmaxCases,
  ...viewCases,
  ...shapeCases,
  ...slicePadCases,
  ...indexingCases,
  ...nnCases,
  ...optimizerUpdateCases,
];
