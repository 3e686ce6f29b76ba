// @nagare/layers/models — the model zoo entry point. Everything not listed here is internal.
export { type MlpOptions, mlp } from './mlp';
