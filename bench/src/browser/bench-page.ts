// Runs in a Chromium page (see run-browser-bench.ts): times the bench's cases on nagare's webgpu
// backend and on its wasm backend in the same page, with the same case definitions as the Node
// bench. WebGPU work is queued, so each timed batch of runs ends by awaiting a one-element read,
// which the GPU answers only after everything queued before it.
import { type Backend, tensor, useBackend } from '@nagare/tensor';
import { createWasmBackend } from '@nagare/wasm';
import { selectCases, toUnitValue, unitOf } from '../cases';
import { prepareNagareOpCase } from '../libs/nagare-ops';
import { prepareNagareSmall } from '../libs/nagare-small';
import { prepareNagareTrainingOn } from '../libs/nagare-train-step';
import { median } from '../median';
import type { MnistBatch } from '../mnist-batch';
import type { CaseSpec, PreparedCase, SuiteName } from '../types';

/** What the Node side asks for. */
export interface BrowserBenchRequest {
  suites: SuiteName[];
  names: string[];
  /** Timed rounds per case (the median is reported). */
  rounds: number;
  /** Minimum milliseconds of one round (runs are repeated until a round is at least this long). */
  roundMs: number;
  /** The training suite's MNIST batches: uint8 pixels and labels per batch. */
  mnist: { pixels: number[]; labels: number[] }[];
}

/** One measured cell: `value` in the case's unit, or null with the reason. */
export interface BrowserBenchRow {
  suite: SuiteName;
  case: string;
  unit: string;
  backend: string;
  value: number | null;
  note?: string;
}

/** The whole run: the rows and what the page ran on. */
export interface BrowserBenchResult {
  userAgent: string;
  adapter: string;
  wasm: string;
  rows: BrowserBenchRow[];
}

/** Runs once; awaits only a run that returns a promise (`fit`), so sync ops pay no microtask. */
async function runOnce(prepared: PreparedCase): Promise<void> {
  const result = prepared.run() as { then?: unknown } | undefined;
  if (typeof result?.then === 'function') await result;
}

async function settle(): Promise<void> {
  // A read of a fresh tensor completes after every op queued before it (WebGPU runs in order).
  const probe = tensor([0]);
  const read = probe.data();
  probe.dispose();
  await read;
}

async function prepare(spec: CaseSpec, mnist: MnistBatch[]): Promise<PreparedCase> {
  if (spec.suite === 'train') return prepareNagareTrainingOn(spec, mnist);
  if (spec.suite === 'small') return prepareNagareSmall(spec);
  return prepareNagareOpCase(spec);
}

/** Seconds per run: warm-up, then rounds of at least `roundMs`, each ended by `settle`. */
async function timeCase(prepared: PreparedCase, request: BrowserBenchRequest): Promise<number> {
  for (let i = 0; i < 2; i++) await runOnce(prepared);
  await settle();
  let runs = 1;
  const perRun: number[] = [];
  while (perRun.length < request.rounds) {
    const started = performance.now();
    for (let i = 0; i < runs; i++) {
      const result = prepared.run() as { then?: unknown } | undefined;
      if (typeof result?.then === 'function') await result;
    }
    await settle();
    const elapsed = performance.now() - started;
    if (elapsed < request.roundMs && runs < 1 << 16) {
      runs *= 2;
      continue;
    }
    perRun.push(elapsed / 1000 / runs);
  }
  return median(perRun);
}

async function adapterInfo(): Promise<string> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<{ info?: Record<string, string> } | null> } })
    .gpu;
  const adapter = await gpu?.requestAdapter();
  if (!adapter) return 'none';
  const info = adapter.info ?? {};
  return (
    [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') || 'unknown'
  );
}

/** Times every selected case on webgpu and on wasm (1 thread) in this page. */
export async function runBrowserBench(
  request: BrowserBenchRequest,
  webgpu: Backend,
): Promise<BrowserBenchResult> {
  const mnist = request.mnist.map((batch) => ({
    images: Float32Array.from(batch.pixels, (v) => v / 255),
    labels: Int32Array.from(batch.labels),
  }));
  const wasm = await createWasmBackend({ threads: 1 });
  const backends: [string, Backend][] = [
    ['nagare-webgpu', webgpu],
    ['nagare-wasm ×1', wasm],
  ];
  const rows: BrowserBenchRow[] = [];
  for (const spec of selectCases(request.suites, request.names)) {
    for (const [name, backend] of backends) {
      const row: BrowserBenchRow = {
        suite: spec.suite,
        case: spec.name,
        unit: unitOf(spec),
        backend: name,
        value: null,
      };
      useBackend(backend);
      let prepared: PreparedCase | null = null;
      try {
        prepared = await prepare(spec, mnist);
        row.value = toUnitValue(spec, await timeCase(prepared, request));
      } catch (error) {
        row.note = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      } finally {
        prepared?.dispose();
      }
      rows.push(row);
    }
  }
  useBackend(webgpu);
  wasm.destroy?.();
  return {
    userAgent: navigator.userAgent,
    adapter: await adapterInfo(),
    wasm: `${wasm.simd} SIMD, 1 thread`,
    rows,
  };
}
