import { type Backend, createJsBackend, useBackend } from '@nagare/tensor';
import type { CaseSpec, Contender, PreparedCase, UnavailableContender } from '../types';
import { prepareNagareOpCase } from './nagare-ops';
import { prepareNagareSmall } from './nagare-small';
import { prepareNagareTraining } from './nagare-train';

/** Which SIMD build nagare's wasm backend should use ('auto' picks relaxed SIMD where it validates). */
export type SimdPreference = 'auto' | 'simd128' | 'relaxed';

/** Builds the inputs of a case on the active nagare backend. */
async function prepareNagareCase(spec: CaseSpec): Promise<PreparedCase> {
  if (spec.suite === 'train') return prepareNagareTraining(spec);
  if (spec.suite === 'small') return prepareNagareSmall(spec);
  return prepareNagareOpCase(spec);
}

function nagareContender(
  lib: 'nagare-js' | 'nagare-wasm',
  label: string,
  backend: Backend,
  description: string,
) {
  const threads = (backend as { threads?: number }).threads ?? 1;
  const contender: Contender = {
    lib,
    threads,
    label,
    description,
    activate: async () => useBackend(backend),
    prepare: prepareNagareCase,
    destroy: async () => backend.destroy?.(),
  };
  return contender;
}

/** nagare on its pure-TypeScript reference backend. */
export function createNagareJs(): Contender {
  return nagareContender('nagare-js', 'nagare-js', createJsBackend(), 'nagare-js: pure TypeScript backend');
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * nagare's WebAssembly backend at each requested thread count. A thread count the backend cannot
 * provide (it reports fewer threads than asked) becomes an unavailable column with the reason, as
 * does a backend that cannot be loaded at all.
 */
export async function createNagareWasm(
  threadCounts: readonly number[],
  simd: SimdPreference,
): Promise<(Contender | UnavailableContender)[]> {
  const label = (threads: number) => `nagare-wasm ×${threads}`;
  let createWasmBackend: typeof import('@nagare/wasm').createWasmBackend;
  try {
    ({ createWasmBackend } = await import('@nagare/wasm'));
  } catch (error) {
    const reason = `@nagare/wasm does not load: ${reasonOf(error)}`;
    return threadCounts.map((threads) => ({ lib: 'nagare-wasm', threads, label: label(threads), reason }));
  }
  const contenders: (Contender | UnavailableContender)[] = [];
  for (const threads of threadCounts) {
    try {
      const backend = await createWasmBackend({ threads, simd });
      if (backend.threads !== threads) {
        backend.destroy?.();
        const reason = `createWasmBackend({ threads: ${threads} }) runs ${backend.threads} thread(s)`;
        contenders.push({ lib: 'nagare-wasm', threads, label: label(threads), reason });
        continue;
      }
      const description = `${label(threads)}: ${backend.simd} SIMD, ${threads} thread(s)`;
      contenders.push(nagareContender('nagare-wasm', label(threads), backend, description));
    } catch (error) {
      contenders.push({ lib: 'nagare-wasm', threads, label: label(threads), reason: reasonOf(error) });
    }
  }
  return contenders;
}
