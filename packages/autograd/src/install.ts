import { setGradientEngine, setOpRecorder } from '@nagare/tensor';
import { backward } from './backward';
import { recordOp } from './recorder';

/**
 * Turns gradients on: the dispatcher reports every op on a tensor that requires grad to the
 * recorder, and Tensor.backward() runs this engine. The package index calls it when imported,
 * the package's one deliberate import side effect (listed in package.json "sideEffects"): without
 * it, `x.backward()` would need an explicit setup call that every user would have to remember.
 */
export function install(): void {
  setOpRecorder(recordOp);
  setGradientEngine({ backward });
}
