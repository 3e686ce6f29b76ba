import type { Backend } from '../../backend';
import { createJsBackend } from '../../backends/js/js-backend';

/** A js backend under another name, standing in for a backend package in the testBackends test. */
export function createRenamedBackend(): Backend {
  return { ...createJsBackend(), name: 'renamed' };
}
