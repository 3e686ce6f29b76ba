import type { SuiteReport } from './suite';

/** The recorded minimum (apps/conformance/floor.json): CI fails when fewer cases pass. */
export interface Floor {
  passed: number;
}

/** Compares a run with the recorded floor; says when the floor should be raised. */
export function checkFloor(report: SuiteReport, floor: Floor): { ok: boolean; message: string } {
  if (typeof floor?.passed !== 'number')
    return { ok: false, message: 'conformance floor: the floor file has no numeric "passed"' };
  if (report.passed < floor.passed) {
    return {
      ok: false,
      message: `conformance floor: ${report.passed} passed is below the recorded floor of ${floor.passed}`,
    };
  }
  const hint =
    report.passed > floor.passed
      ? ` (raise the floor to ${report.passed} in apps/conformance/floor.json)`
      : '';
  return { ok: true, message: `conformance floor: ${report.passed} passed, floor ${floor.passed}${hint}` };
}
