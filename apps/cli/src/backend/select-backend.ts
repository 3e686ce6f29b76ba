import { type Backend, createJsBackend, getBackend, useBackend } from '@nagare/tensor';
import { CliError } from '../errors/cli-error';

/** The backend a run ends up on, and why. */
export interface BackendChoice {
  name: 'js' | 'wasm';
  /** How `auto` decided (measured step times, or what failed on wasm). */
  reason?: string;
}

/**
 * A trial of the real workload on the active backend: runs `steps` timed training steps and
 * returns seconds per step; throws when the backend cannot run it. It frees every tensor it makes.
 */
export type BackendTrial = (steps: number) => number | Promise<number>;

// wasm is timed over a few steps; js, the slower one almost always, over one, to keep start-up short.
const WASM_TRIAL_STEPS = 3;
const JS_TRIAL_STEPS = 1;

async function startWasm(threads: number): Promise<Backend> {
  const { createWasmBackend } = await import('@nagare/wasm');
  return createWasmBackend({ threads });
}

/** Makes a fresh js backend active and releases the previous backend's resources. */
export function activateJs(): void {
  const previous = getBackend();
  if (previous.name === 'js') return;
  useBackend(createJsBackend());
  previous.destroy?.();
}

const milliseconds = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;

/**
 * Activates the backend a run asks for. `auto` picks the fastest that works: it starts wasm, runs
 * `trial` on it and on js, and keeps the faster; any wasm failure (a kernel it does not have yet)
 * falls back to js and says why. An explicit `wasm` that cannot start is a CliError.
 *
 * @example
 * const choice = await selectBackend('auto', 2, (steps) => trialSteps(recipe, config, batch, steps));
 * console.log(choice.name, choice.reason); // 'wasm' 'wasm 4.1 ms/step, js 9.8 ms/step'
 */
export async function selectBackend(
  requested: 'auto' | 'js' | 'wasm',
  threads: number,
  trial: BackendTrial,
): Promise<BackendChoice> {
  if (requested === 'js') {
    activateJs();
    return { name: 'js' };
  }
  let wasm: Backend;
  try {
    wasm = await startWasm(threads);
  } catch (error) {
    const reason = (error as Error).message;
    if (requested === 'wasm')
      throw new CliError('--backend wasm', `the WebAssembly backend could not start (${reason})`);
    activateJs();
    return { name: 'js', reason: `wasm could not start: ${reason}` };
  }
  useBackend(wasm);
  if (requested === 'wasm') return { name: 'wasm' };
  let wasmSeconds: number;
  try {
    wasmSeconds = await trial(WASM_TRIAL_STEPS);
  } catch (error) {
    activateJs();
    return { name: 'js', reason: `wasm cannot run this model yet: ${(error as Error).message}` };
  }
  useBackend(createJsBackend());
  const jsSeconds = await trial(JS_TRIAL_STEPS);
  const timing = `wasm ${milliseconds(wasmSeconds)}/step, js ${milliseconds(jsSeconds)}/step`;
  if (jsSeconds < wasmSeconds) {
    wasm.destroy?.();
    return { name: 'js', reason: timing };
  }
  useBackend(wasm);
  return { name: 'wasm', reason: timing };
}
