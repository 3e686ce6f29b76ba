import { setGradientEngine, setOpRecorder } from '@nagare/tensor';
import { backward } from './backward';
import { recordOp } from './recorder';

// Importing @nagare/autograd turns gradients on: the dispatcher reports every op on a tensor that
// requires grad to the recorder, and Tensor.backward() runs this engine. This is the package's one
// deliberate import side effect (listed in package.json "sideEffects"): without it,
// `x.backward()` would need an explicit setup call that every user would have to remember.
setOpRecorder(recordOp);
setGradientEngine({ backward });
