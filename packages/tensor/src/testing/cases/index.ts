import type { OpCase } from '../op-case';
import { elementwiseCases } from './elementwise';

/** Every op's forward cases. Backends run all of them through `runOpCases`. */
export const ALL_CASES: readonly OpCase[] = [...elementwiseCases];
