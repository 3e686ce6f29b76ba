import { probeSource } from './probe-source';

/** What one thread of this machine can do at best, measured in WebAssembly. */
export interface Roofline {
  simd: 'relaxed' | 'simd128';
  /** Peak float32 multiply-add throughput, GFLOP/s (a multiply-add is 2 FLOP). */
  peakGflops: number;
  /** memory.copy of 1e6 float32 values (4 MB): the ceiling of a unary elementwise op, Melem/s. */
  copyMelems: number;
}

/** The probe's exports. */
export interface ProbeExports {
  madd(iterations: number): number;
  copy(target: number, source: number, bytes: number): void;
  ensurePages(pages: number): void;
}

const COPY_ELEMENTS = 1_000_000;
const PAGE_BYTES = 65536;

/** Compiles the probe for one SIMD level (AssemblyScript, in memory). */
export async function compileProbe(isRelaxed: boolean): Promise<ProbeExports> {
  const asc = (await import('assemblyscript/asc')).default;
  const flags = ['--optimizeLevel', '3', '--runtime', 'stub', '--noAssert', '--enable', 'simd'];
  if (isRelaxed) flags.push('--enable', 'relaxed-simd');
  let binary: Uint8Array | undefined;
  let errors = '';
  const { error } = await asc.main(['probe.ts', '--outFile', 'probe.wasm', ...flags], {
    readFile: (name: string) => (name === 'probe.ts' ? probeSource(isRelaxed) : null),
    writeFile: (name: string, contents: Uint8Array | string) => {
      if (name === 'probe.wasm' && typeof contents !== 'string') binary = contents;
    },
    listFiles: () => [],
    stdout: { write: () => true },
    stderr: {
      write: (text: string | Uint8Array) => {
        errors += String(text);
        return true;
      },
    },
  });
  if (error || !binary)
    throw new Error(`the roofline probe did not compile: ${error?.message ?? ''}\n${errors}`);
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(binary as BufferSource));
  return instance.exports as unknown as ProbeExports;
}

/** Best of `rounds` timings of `body`, in ms. */
function fastest(rounds: number, body: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    body();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * Measures this machine's single-thread ceilings for the bench header: the peak float32 SIMD
 * multiply-add rate (the most a GEMM or convolution can reach) and the copy bandwidth (the most
 * a streaming elementwise op can reach). Best of several short rounds, since load only slows.
 */
export async function measureRoofline(isRelaxed: boolean): Promise<Roofline> {
  const probe = await compileProbe(isRelaxed);
  const iterations = 2_000_000;
  const maddMs = fastest(15, () => probe.madd(iterations));
  const peakGflops = (iterations * 12 * 4 * 2) / (maddMs * 1e6);
  const bytes = COPY_ELEMENTS * 4;
  probe.ensurePages(Math.ceil((3 * bytes) / PAGE_BYTES) + 1);
  const copyMs = fastest(40, () => probe.copy(PAGE_BYTES + bytes + 64, PAGE_BYTES, bytes));
  return { simd: isRelaxed ? 'relaxed' : 'simd128', peakGflops, copyMelems: COPY_ELEMENTS / (copyMs * 1e3) };
}
