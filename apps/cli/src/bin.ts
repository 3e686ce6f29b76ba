import { getBackend } from '@nagare/tensor';
import { runCli } from './run-cli';

// Set the exit code rather than calling process.exit, so pending writes (stdout pipes) flush first;
// then release the backend (wasm worker threads would otherwise keep the process alive).
process.exitCode = await runCli(process.argv.slice(2));
getBackend().destroy?.();
