// @nagare/io/testing — helpers for tests that run Python (PyTorch, onnx) beside nagare. Node only;
// production code never imports this.
export {
  choosePython,
  PYTHON_CANDIDATES,
  probeModules,
  probeTorch,
  type TorchProbe,
} from './python-interpreter';
export { pythonForTorchTests, runPython } from './torch-tests';
