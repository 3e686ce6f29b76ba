import { expect, test } from 'vitest';
import { parseBenchArgs } from '../parse-args';
import { formatBrowserBench } from './run-browser-bench';

const rows = [
  { suite: 'matmul', case: '256', unit: 'GFLOP/s', backend: 'nagare-webgpu', value: 30 },
  { suite: 'matmul', case: '256', unit: 'GFLOP/s', backend: 'nagare-wasm ×1', value: 15 },
  {
    suite: 'train',
    case: 'lenet5 cnn',
    unit: 'samples/s',
    backend: 'nagare-webgpu',
    value: null,
    note: 'UnsupportedOpError: conv2d: no float32 kernel on the webgpu backend',
  },
  { suite: 'train', case: 'lenet5 cnn', unit: 'samples/s', backend: 'nagare-wasm ×1', value: 2400 },
] as const;

test('a SwiftShader run is labelled as no GPU figure, with ratios and the reason for a missing cell', () => {
  const text = formatBrowserBench({
    userAgent: 'HeadlessChrome/156',
    adapter: 'google swiftshader',
    wasm: 'relaxed SIMD, 1 thread',
    rows: rows.map((row) => ({ ...row })),
  });
  expect(text).toContain(
    '**SwiftShader is WebGPU emulated on the CPU: these are not GPU performance figures.**',
  );
  expect(text).toContain('| matmul | 256 | GFLOP/s | 30.0 | 15.0 | 2.00× |');
  expect(text).toContain('| train | lenet5 cnn | samples/s | n/a (UnsupportedOpError: conv2d');
  expect(text).toContain('| 2400 | – |');
});

test('a run on a real adapter is not labelled as emulated', () => {
  const text = formatBrowserBench({ userAgent: 'Chrome', adapter: 'nvidia ampere', wasm: 'x', rows: [] });
  expect(text).not.toContain('SwiftShader');
  expect(text).toContain('measured on the GPU above');
});

test('--browser selects the browser run and keeps --suite, --case and --quick', () => {
  const args = parseBenchArgs(['--browser', '--suite', 'matmul', '--case', '256', '--quick']);
  expect(args.isBrowser).toBe(true);
  expect(args.options).toMatchObject({ suites: ['matmul'], cases: ['256'], quick: true });
  expect(parseBenchArgs([]).isBrowser).toBe(false);
});
