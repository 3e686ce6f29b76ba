// The runner's browser-safe part (no node:fs): a harness fetches a case's files and calls runCaseAsync.
export { type CaseFiles, runCaseAsync } from './run-case-async';
export type { CaseResult, CaseStatus } from './suite';
