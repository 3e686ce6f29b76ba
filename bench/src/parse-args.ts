import { ArgumentError } from '@nagare/tensor';
import type { SimdPreference } from './libs/nagare';
import { PROFILE_MODELS, type ProfileModel } from './profile/profile-step';
import type { BenchOptions } from './run-bench';
import { LIBS, type LibName, SUITES, type SuiteName } from './types';

/** Options of the `pnpm bench` command line: what to run, and where to write the JSON rows. */
export interface BenchArgs {
  options: BenchOptions;
  /** `--json FILE`: write the rows there as a JSON array. */
  jsonPath?: string;
  isHelp: boolean;
  /** `--profile`: profile one training step per model instead of running the suites. */
  isProfile: boolean;
  /** `--model LIST`: the models `--profile` looks at. */
  profileModels?: ProfileModel[];
  /** `--browser`: the cases in headless Chromium, on nagare's webgpu and wasm backends. */
  isBrowser: boolean;
}

/** The `--help` text. */
export const USAGE = `Usage: pnpm bench [options]

  --suite LIST     comma-separated suites: ${SUITES.join(',')} (default: all)
  --case LIST      only these case names, e.g. 1024 or "add 1e6" (default: all)
  --lib LIST       only these libraries: ${LIBS.join(',')} (default: all)
  --threads LIST   thread counts of nagare-wasm and pytorch, one column each
                   (default: 1,2 for nagare-wasm, 1 for pytorch)
  --simd LEVEL     nagare-wasm SIMD build: auto, simd128 or relaxed (default: auto)
  --json FILE      also write the rows { suite, case, lib, threads, value, unit } as JSON
  --quick          a shorter time budget per measurement (noisier)
  --budget MS      the time budget of each library per case (default 400): more interleaved
                   samples, for a machine whose speed drifts (e.g. a VM with busy neighbours)
  --profile        instead of the suites: where one nagare-wasm training step's time goes (per op
                   kind, outside kernels, per thread), for each --threads count
  --model LIST     with --profile: ${PROFILE_MODELS.join(',')} (default: all)
  --browser        instead of the Node libraries: the cases in headless Chromium on nagare's
                   webgpu and wasm backends (default suites matmul,conv,elementwise,train; with
                   Debian's chromium that WebGPU is SwiftShader, a CPU emulation, so the figures
                   are not GPU performance figures)
  --help           print this text
`;

function list(flag: string, value: string | undefined): string[] {
  if (value === undefined || value.startsWith('--'))
    throw new ArgumentError('bench', `${flag} needs a value`);
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function oneOf<T extends string>(flag: string, allowed: readonly T[], values: string[]): T[] {
  for (const value of values) {
    if (!allowed.includes(value as T)) {
      throw new ArgumentError(
        'bench',
        `${flag}: unknown value "${value}" (expected one of ${allowed.join(', ')})`,
      );
    }
  }
  return values as T[];
}

/**
 * Parses the arguments after `pnpm bench`. Both `--flag value` and `--flag=value` work; a
 * mistake throws `ArgumentError` naming the flag and the value.
 *
 * @example
 * parseBenchArgs(['--suite', 'matmul,conv', '--json', 'out.json']).options.suites; // ['matmul', 'conv']
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const options: BenchOptions = {};
  const result: BenchArgs = { options, isHelp: false, isProfile: false, isBrowser: false };
  const args = argv.flatMap((arg) =>
    /^--[a-z]+=/.test(arg) ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg],
  );
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    switch (flag) {
      case '--suite':
        options.suites = oneOf<SuiteName>(flag, SUITES, list(flag, args[++i]));
        break;
      case '--case':
        options.cases = list(flag, args[++i]);
        break;
      case '--lib':
        options.libs = oneOf<LibName>(flag, LIBS, list(flag, args[++i]));
        break;
      case '--threads':
        options.wasmThreads = list(flag, args[++i]).map((text) => {
          const threads = Number(text);
          if (!Number.isInteger(threads) || threads < 1) {
            throw new ArgumentError('bench', `--threads: "${text}" is not a positive integer`);
          }
          return threads;
        });
        options.torchThreads = options.wasmThreads;
        break;
      case '--simd':
        [options.simd] = oneOf<SimdPreference>(flag, ['auto', 'simd128', 'relaxed'], list(flag, args[++i]));
        break;
      case '--json':
        [result.jsonPath] = list(flag, args[++i]);
        break;
      case '--profile':
        result.isProfile = true;
        break;
      case '--browser':
        result.isBrowser = true;
        break;
      case '--model':
        result.profileModels = oneOf<ProfileModel>(flag, PROFILE_MODELS, list(flag, args[++i]));
        break;
      case '--quick':
        options.quick = true;
        break;
      case '--budget': {
        const [text] = list(flag, args[++i]);
        const budgetMs = Number(text);
        if (!Number.isFinite(budgetMs) || budgetMs < 50 || budgetMs > 600_000) {
          throw new ArgumentError('bench', `--budget: "${text}" is not a number of ms in [50, 600000]`);
        }
        // More samples, not longer ones: interleaved rounds are what even out a machine whose speed drifts.
        options.timing = { budgetMs, maxSamples: Math.max(15, Math.round(budgetMs / 25)) };
        break;
      }
      case '--':
        // pnpm and npm may pass their argument separator through.
        break;
      case '--help':
      case '-h':
        result.isHelp = true;
        break;
      default:
        throw new ArgumentError('bench', `unknown argument "${flag}"`);
    }
  }
  return result;
}
