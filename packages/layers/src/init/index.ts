// The initializers, exported from the package as the `init` namespace (like torch.nn.init).
export {
  constant,
  normal,
  ones,
  type TruncatedNormalOptions,
  truncatedNormal,
  uniform,
  zeros,
} from './basic';
export { calculateFanInAndFanOut, calculateGain, type Nonlinearity } from './fan';
export type { InitOptions } from './fill';
export { orthogonal } from './orthogonal';
export {
  type HeOptions,
  heNormal,
  heUniform,
  kaimingNormal,
  kaimingUniform,
  lecunNormal,
  lecunUniform,
  xavierNormal,
  xavierUniform,
} from './scaled';
