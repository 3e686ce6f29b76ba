// @nagare/layers/testing — portable suites for backends (Node or a browser page). Production code never imports this.
export type { LayerCase } from './layer-case';
export { LAYER_CASES } from './layer-cases';
export { type RunLayerSuiteOptions, runLayerSuite } from './run-layer-suite';
