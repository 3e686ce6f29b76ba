// @nagare/tensor/testing — helpers other packages' tests use. Production code never imports this.
export type { Tolerance } from './all-close';
export { compareAllClose, expectAllClose, flattenValues } from './all-close';
export { asyncOnlyBackend } from './async-only-backend';
export type { SuiteRunner } from './backends';
export { describeEachBackend, testBackends } from './backends';
export { ALL_CASES } from './cases';
export { checkOpCaseAsync } from './check-op-case-async';
export { corruptKernel } from './corrupt-kernel';
export type { OpCase } from './op-case';
export type { TestFunction } from './run-op-cases';
export { checkOpCase, runOpCases } from './run-op-cases';
export type { SuiteReport, SuiteResult } from './suite-report';
export { describeError, suiteReport } from './suite-report';
