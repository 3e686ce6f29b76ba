import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createJsBackend, useBackend } from '@nagare/tensor';
import { checkFloor } from './floor';
import { formatCaseLine, formatSummary, runSuite } from './suite';

const USAGE = `usage: conformance --dir <cases> [--backend js|wasm] [--json out.json] [--filter substring] [--floor floor.json] [--quiet]

Runs every case folder of <cases> (model.onnx + test_data_set_*/input_N.pb, output_N.pb, as ONNX's
backend node tests) on nagare and prints PASS / FAIL / UNSUPPORTED per case and a summary.
--floor fails (exit 1) when fewer cases pass than the "passed" count recorded in that JSON file.`;

async function installBackend(name: string): Promise<void> {
  if (name === 'js') {
    useBackend(createJsBackend());
    return;
  }
  if (name === 'wasm') {
    const wasm = (await import('@nagare/wasm')) as Record<string, unknown>;
    const create = wasm.createWasmBackend;
    if (typeof create !== 'function') throw new Error('@nagare/wasm does not export createWasmBackend');
    useBackend(await (create as () => Promise<Parameters<typeof useBackend>[0]>)());
    return;
  }
  throw new Error(`unknown backend "${name}" (expected js or wasm)`);
}

/**
 * Runs the conformance CLI with `argv` (without node and script), printing through `log`.
 * Returns the exit code: 0, 1 when below the floor, 2 for a usage error.
 */
export async function runCli(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string' },
      backend: { type: 'string', default: 'js' },
      json: { type: 'string' },
      filter: { type: 'string' },
      floor: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.dir) {
    log(USAGE);
    return values.help ? 0 : 2;
  }
  // Relative paths are taken from where the user ran the command (pnpm runs scripts in the repo root).
  const base = process.env.INIT_CWD ?? process.cwd();
  await installBackend(values.backend);
  const report = runSuite(resolve(base, values.dir), {
    filter: values.filter,
    onResult: values.quiet ? undefined : (result) => log(formatCaseLine(result)),
  });
  log(formatSummary(report));
  if (values.json) {
    const path = resolve(base, values.json);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  }
  if (values.floor) {
    const verdict = checkFloor(report, JSON.parse(readFileSync(resolve(base, values.floor), 'utf8')));
    log(verdict.message);
    if (!verdict.ok) return 1;
  }
  return 0;
}
