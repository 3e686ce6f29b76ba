// @nagare/optimizers/testing — portable suites for backends (Node or a browser page). Production code never imports this.
export { OPTIMIZER_CASES, type OptimizerCase } from './optimizer-cases';
export { type RunOptimizerSuiteOptions, runOptimizerSuite } from './run-optimizer-suite';
