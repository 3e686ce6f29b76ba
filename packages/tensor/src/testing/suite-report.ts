/** One check of a portable suite (gradchecks, layers, optimizers), as JSON. */
export interface SuiteResult {
  name: string;
  /** The op, layer or optimizer under test. */
  subject: string;
  passed: boolean;
  /** What failed (or, for a pass, a one-line summary). */
  message: string;
}

/**
 * What a portable suite (`runGradchecks`, `runLayerSuite`, `runOptimizerSuite`) returns: plain
 * JSON, so a browser page can hand it back to the test that drove it.
 */
export interface SuiteReport {
  suite: string;
  backend: string;
  total: number;
  passed: number;
  failed: number;
  results: SuiteResult[];
}

/** Builds a report from its results. */
export function suiteReport(suite: string, backend: string, results: SuiteResult[]): SuiteReport {
  const passed = results.filter((result) => result.passed).length;
  return { suite, backend, total: results.length, passed, failed: results.length - passed, results };
}

/** The message of anything thrown, for a result. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
