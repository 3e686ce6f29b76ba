import { ArgumentError } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { parseBenchArgs } from './parse-args';

describe('parseBenchArgs', () => {
  test('defaults to every suite and library with no JSON file', () => {
    expect(parseBenchArgs([])).toEqual({ options: {}, isHelp: false, isProfile: false, isBrowser: false });
  });

  test('reads suites, cases, libraries, threads, SIMD level, JSON path and --quick', () => {
    const args = parseBenchArgs([
      '--suite',
      'matmul,conv',
      '--case=1024',
      '--lib',
      'nagare-wasm,tfjs-wasm',
      '--threads',
      '1,2,4',
      '--simd',
      'simd128',
      '--json',
      'out/bench.json',
      '--quick',
    ]);
    expect(args.options).toEqual({
      suites: ['matmul', 'conv'],
      cases: ['1024'],
      libs: ['nagare-wasm', 'tfjs-wasm'],
      wasmThreads: [1, 2, 4],
      torchThreads: [1, 2, 4],
      simd: 'simd128',
      quick: true,
    });
    expect(args.jsonPath).toBe('out/bench.json');
  });

  test('knows the small suite and the pytorch library', () => {
    const { options } = parseBenchArgs(['--suite=small,train', '--lib=pytorch,nagare-js']);
    expect(options).toEqual({ suites: ['small', 'train'], libs: ['pytorch', 'nagare-js'] });
  });

  test('skips the argument separator that npm and pnpm pass through', () => {
    expect(parseBenchArgs(['--', '--suite', 'train']).options.suites).toEqual(['train']);
  });

  test('--budget sets each measurement\'s time budget and allows proportionally more samples', () => {
    expect(parseBenchArgs(['--budget', '2000']).options.timing).toEqual({ budgetMs: 2000, maxSamples: 80 });
    expect(parseBenchArgs(['--budget=100']).options.timing).toEqual({ budgetMs: 100, maxSamples: 15 });
  });

  test('recognises --help', () => {
    expect(parseBenchArgs(['--help']).isHelp).toBe(true);
  });

  test.each([
    [['--suite', 'fft'], /--suite: unknown value "fft"/],
    [['--lib', 'torch'], /--lib: unknown value "torch"/],
    [['--threads', '0'], /--threads: "0" is not a positive integer/],
    [['--json'], /--json needs a value/],
    [['--json', '--quick'], /--json needs a value/],
    [['--fast'], /unknown argument "--fast"/],
    [['--budget', '10'], /--budget: "10" is not a number of ms/],
    [['--budget', 'long'], /--budget: "long" is not a number of ms/],
  ])('rejects %j with an ArgumentError naming the flag', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(ArgumentError);
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});

test('--profile with --model and --threads selects the step profile', () => {
  const args = parseBenchArgs(['--profile', '--model', 'mlp,tiny', '--threads', '2']);
  expect(args.isProfile).toBe(true);
  expect(args.profileModels).toEqual(['mlp', 'tiny']);
  expect(args.options.wasmThreads).toEqual([2]);
  expect(() => parseBenchArgs(['--profile', '--model', 'resnet'])).toThrow(/--model: unknown value "resnet"/);
});
