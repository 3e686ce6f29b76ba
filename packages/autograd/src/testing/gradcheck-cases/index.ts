import type { GradcheckCase } from './case';
import { ELEMENTWISE_CASES } from './elementwise';
import { STRUCTURAL_CASES } from './structural';

export type { GradcheckCase } from './case';

/** Every float32 gradcheck case: at least one per differentiable primitive op (a test checks this). */
export const GRADCHECK_CASES: readonly GradcheckCase[] = [...ELEMENTWISE_CASES, ...STRUCTURAL_CASES];
