import type { Backend } from '../backend';
import { createJsBackend } from '../backends/js/js-backend';
import { liveTensorCount } from './lifetime';

let activeBackend: Backend | null = null;

/** Installs `backend` for every op that creates tensors from now on. */
export function useBackend(backend: Backend): void {
  activeBackend = backend;
}

/** The active backend. The pure-TypeScript `js` backend is active until another is installed. */
export function getBackend(): Backend {
  activeBackend ??= createJsBackend();
  return activeBackend;
}

/**
 * Live tensor handles (on every backend), and the bytes and name of the active backend.
 *
 * @example
 * const before = memory().tensors;
 * trainStep();
 * console.assert(memory().tensors === before); // nothing leaked
 */
export function memory(): { tensors: number; bytes: number; backend: string; highWater?: number } {
  const backend = getBackend();
  return { tensors: liveTensorCount(), backend: backend.name, ...backend.memory() };
}
