// `pnpm bench [options]`: runs the benchmark, prints the markdown tables to stdout (progress to
// stderr, so the tables can be redirected alone) and writes the JSON rows with `--json FILE`.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isNagareError } from '@nagare/tensor';
import { formatBrowserBench, runBrowserBench } from './browser/run-browser-bench';
import { formatMarkdown } from './format-markdown';
import { parseBenchArgs, USAGE } from './parse-args';
import { runProfile } from './profile/cli';
import { runBench } from './run-bench';

/** Writes through a temporary name and renames, so an interrupted run never leaves half a file. */
async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temporary, path);
}

async function main(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parseBenchArgs>;
  try {
    args = parseBenchArgs(argv);
  } catch (error) {
    if (!isNagareError(error)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.isHelp) {
    process.stdout.write(USAGE);
    return 0;
  }
  const started = Date.now();
  if (args.isProfile) {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const { wasmThreads, simd } = args.options;
    process.stdout.write(await runProfile({ models: args.profileModels, threads: wasmThreads, simd, log }));
    return 0;
  }
  if (args.isBrowser) {
    const { suites = [], cases = [], quick = false } = args.options;
    const result = await runBrowserBench({ suites, names: cases, quick });
    if (typeof result === 'string') {
      process.stderr.write(`bench --browser: ${result}\n`);
      return 2;
    }
    process.stdout.write(formatBrowserBench(result));
    process.stderr.write(`finished in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    return 0;
  }
  const report = await runBench({ ...args.options, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(formatMarkdown(report));
  process.stderr.write(`finished in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  if (args.jsonPath) {
    // npm and pnpm run the script inside bench/: resolve a relative path against where the user was.
    const base = process.env.INIT_CWD ?? process.cwd();
    const path = resolve(base, args.jsonPath);
    await writeJson(path, report.rows);
    process.stderr.write(`wrote ${report.rows.length} rows to ${path}\n`);
  }
  return 0;
}

// Exit explicitly: a peer's worker or native thread pool must not keep the process alive.
process.exit(await main(process.argv.slice(2)));
