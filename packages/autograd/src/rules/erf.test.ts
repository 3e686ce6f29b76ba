import { erf } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('erf: d erf x/dx = (2/√π)e^(−x²), first and second order, on random shapes', () => {
  checkUnary(erf, 11);
});
