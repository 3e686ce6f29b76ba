// The runtime matrix (issue 22): for every pinned runtime (runtimes.json), a fresh project with all
// packed nagare packages and the CLI installed by the runtime's own installer, then the smoke
// programs of smoke/runtimes/ and `nagare train spiral-mlp --epochs 1`, one cell each; Chromium
// runs the same checks from a Vite bundle (chromium-row.mjs).
import { join } from 'node:path';
import { pnpmCommand } from '../../pnpm.mjs';
import { readTarball, run, runOrThrow } from '../workspace.mjs';
import { CELLS, COLUMN_IDS, cellCommand, cellResult } from './cells.mjs';
import { runChromiumPage } from './chromium-row.mjs';
import { ensureRuntime, pinnedRuntimes } from './install-runtimes.mjs';
import { startLocalRegistry } from './local-registry.mjs';
import { entryPoints, installRuntimeProject, runtimeEnv } from './runtime-projects.mjs';

const CLI_PACKAGE = '@nagare/cli';
const CELL_TIMEOUT_MS = 180_000;

/** Packs the (private, never published) CLI the way the packages are packed, for its bin script. */
async function packCli(destination) {
  const [command, prefix] = pnpmCommand();
  const output = await runOrThrow(command, [
    ...prefix,
    '--filter',
    CLI_PACKAGE,
    'pack',
    '--pack-destination',
    destination,
    '--json',
  ]);
  const report = JSON.parse(output.slice(output.search(/[[{]/)));
  const filename = (Array.isArray(report) ? report[0] : report).filename;
  const manifestFile = readTarball(filename).find((file) => file.path === 'package.json');
  return { tarball: filename, manifest: JSON.parse(manifestFile.data.toString('utf8')) };
}

/** `git rev-parse --short HEAD` of the workspace, or 'unknown' outside a git checkout. */
async function currentCommit() {
  const { status, output } = await run('git', ['rev-parse', '--short', 'HEAD']);
  return status === 0 ? output.trim() : 'unknown';
}

/**
 * Runs the matrix with the tarballs in `context.packed`; calls `report(runtime, columnId, result)`
 * as each cell finishes (result: { status: 'pass' | 'fail' | 'unsupported', note | error | reason,
 * seconds })
 * and resolves with `{ date, commit, runtimes: [{ id, label, version, cells }] }`.
 */
export async function runRuntimeMatrix(context, report) {
  const cli = await packCli(join(context.workDir, 'tarballs'));
  const tarballs = new Map([...context.packed, [CLI_PACKAGE, cli]]);
  const pins = pinnedRuntimes();
  // Downloads wait on the network, not a core: fetch every runtime at once.
  const installs = pins.map((pin) => ensureRuntime(pin).catch((error) => ({ ...pin, installError: error })));
  const matrix = { date: new Date().toISOString().slice(0, 10), commit: await currentCommit(), runtimes: [] };
  const registry = await startLocalRegistry(tarballs);
  try {
    for (const install of installs) {
      const runtime = await install;
      const row = { id: runtime.id, label: runtime.label, version: runtime.version, cells: {} };
      matrix.runtimes.push(row);
      // Each cell reports the seconds since the previous one finished (install: since the row began).
      let lastFinished = performance.now();
      const record = (columnId, result) => {
        const now = performance.now();
        row.cells[columnId] = { ...result, seconds: (now - lastFinished) / 1000 };
        lastFinished = now;
        report(runtime, columnId, row.cells[columnId]);
      };
      // Rows run one after another: the programs are CPU-bound and the machine may have 2 cores.
      const dir = join(context.workDir, 'runtimes', runtime.project ?? runtime.id);
      if (runtime.kind === 'chromium') await runBrowserRow(runtime, dir, tarballs, record);
      else await runRow(runtime, dir, tarballs, registry.url, record);
      for (const id of COLUMN_IDS.filter((column) => !(column in row.cells))) {
        record(id, { status: 'fail', error: 'not run: the page stopped before it' });
      }
    }
  } finally {
    await registry.close();
  }
  return matrix;
}

/** The Chromium row: cells it cannot have first, then the page's (chromium-row.mjs). */
async function runBrowserRow(runtime, dir, tarballs, record) {
  if (runtime.unsupported || runtime.installError) return runRow(runtime, dir, tarballs, '', record);
  try {
    await runChromiumPage(runtime, dir, entryPoints(tarballs), record);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    record('install', { status: 'fail', error: message.split('\n')[0], output: message });
  }
  for (const [id, reason] of Object.entries(runtime.unsupportedCells ?? {})) {
    record(id, { status: 'unsupported', reason });
  }
}

async function runRow(runtime, dir, tarballs, registryUrl, record) {
  const skipAll = (result) => {
    for (const cell of CELLS) record(cell.id, result);
  };
  if (runtime.unsupported) {
    record('install', { status: 'unsupported', reason: runtime.unsupported });
    return skipAll({ status: 'unsupported', reason: runtime.unsupported });
  }
  if (runtime.installError) {
    record('install', { status: 'fail', error: `runtime install: ${runtime.installError.message}` });
    return skipAll({ status: 'fail', error: 'not run: the runtime did not install' });
  }
  try {
    const note = await installRuntimeProject(runtime, dir, tarballs, registryUrl);
    record('install', {
      status: 'pass',
      note: `${note} (${runtime.label} ${runtime.version} from ${runtime.source})`,
    });
  } catch (error) {
    record('install', { status: 'fail', error: error.message.split('\n')[0], output: error.message });
    return skipAll({ status: 'fail', error: 'not run: the project did not install' });
  }
  for (const cell of CELLS) {
    const documented = runtime.unsupportedCells?.[cell.id];
    if (documented) {
      record(cell.id, { status: 'unsupported', reason: documented });
      continue;
    }
    const [command, args] = cellCommand(runtime, cell);
    const finished = await run(command, args, {
      cwd: dir,
      env: runtimeEnv(runtime),
      timeoutMs: CELL_TIMEOUT_MS,
    });
    record(cell.id, cellResult(finished));
  }
}
