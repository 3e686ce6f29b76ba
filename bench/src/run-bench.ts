import { cpus, loadavg } from 'node:os';
import { supportsRelaxedSimd } from '@nagare/wasm';
import { selectCases } from './cases';
import { createNagareJs, createNagareWasm, type SimdPreference } from './libs/nagare';
import { createOnnxruntime } from './libs/onnxruntime';
import { createPytorch } from './libs/pytorch';
import { createTfjs } from './libs/tfjs';
import { type Entry, isAvailable, measureCase } from './measure-case';
import { measureRoofline } from './roofline/roofline';
import type { TimingOptions } from './timing';
import type { BenchRow, CaseSpec, LibName, SuiteName } from './types';

/** Options of `runBench`; every one has a default that runs the whole benchmark. */
export interface BenchOptions {
  /** Suites to run (default: all, in the order matmul, conv, elementwise, dispatch, train, small). */
  suites?: readonly SuiteName[];
  /** Only these case names, e.g. `['1024']` (default: every case of the chosen suites). */
  cases?: readonly string[];
  /** Only these libraries (default: all six). */
  libs?: readonly LibName[];
  /** Thread counts of nagare's wasm backend, one column each (default `[1, 2]`). */
  wasmThreads?: readonly number[];
  /**
   * Thread counts of PyTorch, one column each (default `[1]`: on a machine of two shared cores a
   * second thread mostly measures the neighbours).
   */
  torchThreads?: readonly number[];
  /** SIMD build of nagare's wasm backend (default 'auto': relaxed SIMD where the engine has it). */
  simd?: SimdPreference;
  /** A shorter time budget per measurement (about a quarter of the default). */
  quick?: boolean;
  /** Overrides the timing budget of each measurement. */
  timing?: TimingOptions;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** A column of the report: one library at one thread count. */
export interface BenchColumn {
  lib: LibName;
  threads: number;
  label: string;
}

/** What `runBench` returns: every row, the columns in order, and facts about the machine and libraries. */
export interface BenchReport {
  rows: BenchRow[];
  columns: BenchColumn[];
  cases: CaseSpec[];
  environment: string[];
}

async function createContenders(options: BenchOptions): Promise<Entry[]> {
  const wanted = (lib: LibName) => !options.libs || options.libs.includes(lib);
  const entries: Entry[] = [];
  if (wanted('nagare-js')) entries.push(createNagareJs());
  if (wanted('nagare-wasm'))
    entries.push(...(await createNagareWasm(options.wasmThreads ?? [1, 2], options.simd ?? 'auto')));
  if (wanted('tfjs-wasm') || wanted('tfjs-cpu'))
    entries.push(...(await createTfjs()).filter((entry) => wanted(entry.lib)));
  if (wanted('onnxruntime')) entries.push(await createOnnxruntime());
  if (wanted('pytorch')) entries.push(...(await createPytorch(options.torchThreads ?? [1])));
  return entries;
}

function describeMachine(): string[] {
  const cpu = cpus();
  const load = loadavg().map((value) => value.toFixed(2));
  return [
    `Node ${process.version} on ${process.platform}/${process.arch}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}`,
    `load average at start: ${load.join(', ')}`,
  ];
}

/** Suites whose cases a kernel's ceiling (peak multiply-add rate, copy bandwidth) bounds. */
const KERNEL_SUITES = new Set<SuiteName>(['matmul', 'conv', 'elementwise']);

/** The roofline header line: what one thread of this machine can do at best in WebAssembly. */
async function describeRoofline(isRelaxed: boolean): Promise<string> {
  try {
    const roofline = await measureRoofline(isRelaxed);
    return (
      `roofline, one thread (${roofline.simd} SIMD probe, best of short rounds): float32 multiply-add peak ` +
      `${roofline.peakGflops.toFixed(1)} GFLOP/s; memory.copy of 1e6 float32 ${Math.round(roofline.copyMelems)} Melem/s`
    );
  } catch (error) {
    return `roofline: n/a (${(error as Error).message.split('\n')[0]})`;
  }
}

function timingFor(options: BenchOptions): TimingOptions {
  const base: TimingOptions = options.quick ? { budgetMs: 100, maxSamples: 7 } : { budgetMs: 400 };
  return { ...base, ...options.timing };
}

/**
 * Runs the side-by-side benchmark: every chosen case on nagare-js, nagare-wasm (1 and 2 threads)
 * and each peer (tfjs-wasm, tfjs-cpu, onnxruntime in this process; PyTorch in a Python child): each warmed up, then timed
 * in samples interleaved across the libraries, and the median of its samples reported. A library or kernel that is missing yields a
 * row with `value: null` and a `note`, never a failed run. `formatMarkdown` turns the report into
 * the tables `pnpm bench` prints.
 *
 * @example
 * const report = await runBench({ suites: ['matmul'], cases: ['1024'] });
 * console.log(formatMarkdown(report));
 */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const cases = selectCases(options.suites ?? [], options.cases ?? []);
  const environment = describeMachine();
  if (cases.some((spec) => KERNEL_SUITES.has(spec.suite))) {
    environment.push(await describeRoofline(options.simd !== 'simd128' && supportsRelaxedSimd()));
  }
  const entries = await createContenders(options);
  for (const entry of entries)
    environment.push(isAvailable(entry) ? entry.description : `${entry.label}: n/a (${entry.reason})`);
  const timing = timingFor(options);
  const rows: BenchRow[] = [];
  try {
    for (const spec of cases) {
      const caseRows = await measureCase(spec, entries, timing);
      caseRows.forEach((row, i) => {
        const result = row.value === null ? `n/a (${row.note})` : `${row.value.toPrecision(3)} ${row.unit}`;
        log(`${spec.suite} ${spec.name} ${entries[i].label}: ${result}`);
      });
      rows.push(...caseRows);
    }
  } finally {
    for (const entry of entries) if (isAvailable(entry)) await entry.destroy();
  }
  const columns = entries.map(({ lib, threads, label }) => ({ lib, threads, label }));
  return { rows, columns, cases, environment };
}
