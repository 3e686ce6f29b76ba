// `pnpm bench --browser`: the bench's cases in headless Chromium, on nagare's webgpu backend and its
// wasm backend side by side. It reuses @nagare/webgpu's browser harness (one home for bundling a
// page, serving it from 127.0.0.1 and launching Debian's Chromium with WebGPU). Here that WebGPU is
// SwiftShader, a CPU emulation: the figures show that the backend runs and what it costs per op,
// not what a GPU does. On a machine with a GPU, point CHROMIUM_PATH at a browser that uses it.
import { fileURLToPath } from 'node:url';
import { browserSkipReason, closeBrowser, runInBrowser } from '../../../packages/webgpu/test/browser-harness';
import { TRAIN_BATCH_SIZE } from '../cases';
import { TRAIN_BATCHES } from '../libs/nagare-train';
import { mnistBatches } from '../mnist';
import type { SuiteName } from '../types';
import type { BrowserBenchRequest, BrowserBenchResult } from './bench-page';

const PAGE = fileURLToPath(new URL('./bench-page.ts', import.meta.url));

/** Suites a browser run measures by default (`small` and `dispatch` mostly time the page's promise machinery). */
export const BROWSER_SUITES: readonly SuiteName[] = ['matmul', 'conv', 'elementwise', 'train'];

/** Options of `runBrowserBench`. */
export interface BrowserBenchOptions {
  suites: readonly SuiteName[];
  names: readonly string[];
  quick: boolean;
}

/** Runs the page and returns its result, or the reason it cannot run here. */
export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserBenchResult | string> {
  if (browserSkipReason) return browserSkipReason;
  const batches = mnistBatches(TRAIN_BATCH_SIZE, TRAIN_BATCHES);
  const request: BrowserBenchRequest = {
    suites: [...(options.suites.length ? options.suites : BROWSER_SUITES)],
    names: [...options.names],
    rounds: options.quick ? 3 : 7,
    roundMs: options.quick ? 50 : 200,
    mnist: batches.map((batch) => ({
      pixels: Array.from(batch.images, (v) => Math.round(v * 255)),
      labels: Array.from(batch.labels),
    })),
  };
  try {
    return await runInBrowser<BrowserBenchResult>(PAGE, 'runBrowserBench', request);
  } finally {
    await closeBrowser();
  }
}

const format = (value: number | null, note?: string) =>
  value === null ? `n/a (${note ?? 'no value'})` : value >= 100 ? value.toFixed(0) : value.toPrecision(3);

/** The result as markdown, with what ran and the SwiftShader caveat first. */
export function formatBrowserBench(result: BrowserBenchResult): string {
  const isSwiftShader = /swiftshader/i.test(result.adapter);
  const lines = [
    '## nagare benchmark in the browser (webgpu and wasm)',
    '',
    `- ${result.userAgent}`,
    `- WebGPU adapter: ${result.adapter}`,
    `- nagare-wasm ×1: ${result.wasm}`,
    isSwiftShader
      ? '- **SwiftShader is WebGPU emulated on the CPU: these are not GPU performance figures.** They show that every case runs on the webgpu backend, and its cost over wasm on the same CPU.'
      : '- measured on the GPU above',
    '',
    '| suite | case | unit | nagare-webgpu | nagare-wasm ×1 | webgpu / wasm |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  const keys = [...new Set(result.rows.map((row) => `${row.suite}\u0000${row.case}`))];
  for (const key of keys) {
    const [suite, name] = key.split('\u0000');
    const cells = result.rows.filter((row) => row.suite === suite && row.case === name);
    const gpu = cells.find((row) => row.backend === 'nagare-webgpu');
    const cpu = cells.find((row) => row.backend === 'nagare-wasm ×1');
    const lowerIsBetter = cells[0].unit === 'µs/op' || cells[0].unit === 'ms/step';
    const ratio =
      gpu?.value && cpu?.value
        ? `${(lowerIsBetter ? cpu.value / gpu.value : gpu.value / cpu.value).toFixed(2)}×`
        : '–';
    lines.push(
      `| ${suite} | ${name} | ${cells[0].unit} | ${format(gpu?.value ?? null, gpu?.note)} | ${format(cpu?.value ?? null, cpu?.note)} | ${ratio} |`,
    );
  }
  lines.push('', '(webgpu / wasm > 1: webgpu faster.)', '');
  return lines.join('\n');
}
