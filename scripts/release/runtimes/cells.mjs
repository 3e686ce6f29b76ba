// The columns of the runtime matrix and how each runtime runs them. A program in smoke/runtimes/
// runs in the runtime's project directory; it passes when it exits 0, and its last line is the note.

/** Every column after `install`, in table order. */
export const CELLS = [
  { id: 'esm', label: 'ESM import', program: ['esm-imports.mjs'] },
  { id: 'cjs', label: 'CJS require', program: ['cjs-imports.cjs'] },
  { id: 'js', label: 'train, js', program: ['train.mjs', 'js'] },
  { id: 'wasm1', label: 'train, wasm 1 thread', program: ['train.mjs', 'wasm', '1'] },
  { id: 'wasm2', label: 'train, wasm 2 threads', program: ['train.mjs', 'wasm', '2'] },
  { id: 'safetensors', label: 'safetensors', program: ['safetensors.mjs'] },
  { id: 'cli', label: 'CLI', bin: ['nagare', 'train', 'spiral-mlp', '--epochs', '1', '--out', 'spiral-run'] },
];

/** The column ids of a row: install first, then the CELLS. */
export const COLUMN_IDS = ['install', ...CELLS.map((cell) => cell.id)];

/**
 * The command line that runs `cell` on `runtime` in its project: a program file with the runtime
 * itself, and the CLI the way a user of that runtime starts a package's bin script (Node through the
 * script's `#!/usr/bin/env node` with that Node first on PATH, `bun run --bun`, `deno run`).
 */
export function cellCommand(runtime, cell) {
  if (cell.program) {
    const [file, ...args] = cell.program;
    if (runtime.kind === 'deno') return [runtime.executable, ['run', '--allow-all', file, ...args]];
    return [runtime.executable, [file, ...args]];
  }
  const [name, ...args] = cell.bin;
  if (runtime.kind === 'bun') return [runtime.executable, ['run', '--bun', name, ...args]];
  if (runtime.kind === 'deno') {
    return [runtime.executable, ['run', '--allow-all', `node_modules/.bin/${name}`, ...args]];
  }
  return [`node_modules/.bin/${name}`, args];
}

/** A cell's result from a finished command: the last output line as note, or the error. */
export function cellResult({ status, output }) {
  const lines = output.trim().split('\n');
  if (status === 0) return { status: 'pass', note: lines.at(-1) ?? '' };
  // The most telling line of a failure is usually the first error line, not the stack's last frame.
  const errorLine = lines.find((line) => /\b\w*Error\b|error:/i.test(line)) ?? lines.at(-1) ?? '';
  return { status: 'fail', error: errorLine.trim(), output: output.trim() };
}
