import { fileURLToPath } from 'node:url';
import { choosePython } from '@nagare/io/testing';
import type { CaseSpec, Contender, PreparedCase, UnavailableContender } from '../types';
import { numberField, TorchChild } from './torch-child';
import { torchPayload, writePayload } from './torch-payload';

/** The child's script, committed beside the bench's TypeScript. */
const TORCH_SCRIPT = fileURLToPath(new URL('../../python/torch_bench.py', import.meta.url));

const label = (threads: number) => (threads === 1 ? 'pytorch' : `pytorch ×${threads}`);

/**
 * Prepares a case in the child: sends it the case and the batches it trains on (through a temporary
 * file, removed once the child has read it). The child times its own runs (`runTimed`), so the
 * pipe's round trip is not part of the measurement; `run` is one self-timed run.
 */
export async function preparePytorchCase(
  child: Pick<TorchChild, 'request'>,
  spec: CaseSpec,
): Promise<PreparedCase> {
  const arrays = torchPayload(spec);
  const payload = arrays.length > 0 ? await writePayload(arrays) : undefined;
  let id: number;
  try {
    id = numberField(await child.request({ op: 'prepare', spec, data: payload?.data }), 'case');
  } finally {
    await payload?.remove();
  }
  const runTimed = async (count: number) =>
    numberField(await child.request({ op: 'run', case: id, count }), 'seconds') * 1e3;
  return {
    run: () => runTimed(1),
    runTimed,
    // Fire and forget: requests are answered in order, and a dead child has nothing left to free.
    dispose: () => void child.request({ op: 'dispose', case: id }).catch(() => {}),
  };
}

/**
 * The BLAS part of the header line: the library the child has loaded, with torch's BLAS_INFO, and a
 * warning when it is not an optimised BLAS. (Debian's torch says BLAS_INFO=generic even on OpenBLAS:
 * it links the system libblas.so.3, so only the loaded file tells which BLAS runs.)
 */
export function describeBlas(blasLibrary: unknown, blasInfo: unknown): string {
  const info = `BLAS_INFO=${String(blasInfo)}`;
  if (typeof blasLibrary !== 'string')
    return `no BLAS library loaded after a matmul (${info}): install libopenblas0-pthread`;
  const name = blasLibrary.split('/').at(-1);
  if (/openblas|mkl|blis/i.test(blasLibrary)) return `BLAS ${name} (${info})`;
  return `BLAS ${name} (${info}), not OpenBLAS: matmul and conv run far slower; install libopenblas0-pthread`;
}

/** What the child reports about itself, as the report header's line for its column. */
function describe(threads: number, python: string, hello: Record<string, unknown>): string {
  const version = `torch ${String(hello.torch)} (${python}, Python ${String(hello.python)})`;
  const blas = describeBlas(hello.blasLibrary, hello.blasInfo);
  return `${label(threads)}: ${version}, ${String(hello.threads)} thread(s), ${blas}`;
}

/** Starts one child at `threads` threads, or says why it could not. */
async function startContender(python: string, threads: number): Promise<Contender | UnavailableContender> {
  // torch.set_num_threads covers its own pool; OpenBLAS and OpenMP read these when they load.
  const count = String(threads);
  const threadVariables = { OMP_NUM_THREADS: count, OPENBLAS_NUM_THREADS: count, MKL_NUM_THREADS: count };
  // No __pycache__ beside the committed script.
  const env = { ...process.env, ...threadVariables, PYTHONDONTWRITEBYTECODE: '1' };
  const child = TorchChild.start(python, [TORCH_SCRIPT, count], env);
  try {
    const hello = await child.request({ op: 'hello' });
    return {
      lib: 'pytorch',
      threads: numberField(hello, 'threads'),
      label: label(threads),
      description: describe(threads, python, hello),
      activate: async () => {},
      prepare: (spec) => preparePytorchCase(child, spec),
      destroy: () => child.close(),
    };
  } catch (error) {
    await child.close();
    return {
      lib: 'pytorch',
      threads,
      label: label(threads),
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * PyTorch (CPU, float32, eager) in a Python child process, one per thread count: `pytorch` at one
 * thread, the reference column, and `pytorch ×k` for each other count asked for. The column is
 * unavailable, with the reason, when no Python can import torch.
 */
export async function createPytorch(
  threadCounts: readonly number[],
): Promise<(Contender | UnavailableContender)[]> {
  const choice = await choosePython();
  if ('reason' in choice)
    return threadCounts.map((threads) => ({
      lib: 'pytorch',
      threads,
      label: label(threads),
      reason: choice.reason,
    }));
  const contenders: (Contender | UnavailableContender)[] = [];
  for (const threads of threadCounts) contenders.push(await startContender(choice.python, threads));
  return contenders;
}
