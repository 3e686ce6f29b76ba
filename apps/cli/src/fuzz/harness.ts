import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CaseReport } from './child';
import type { FuzzFormat } from './corpus';

/** How a fuzz run is bounded. */
export interface FuzzBudget {
  /** Longest one case may take once the worker is running. */
  caseTimeoutMs: number;
  /** Longest a fresh worker may take to start and finish its first case (module loading). */
  startupTimeoutMs: number;
  /** Largest resident set a worker may reach. */
  memoryBytes: number;
  /** V8 heap limit of a worker, in MiB. */
  heapMiB: number;
  /** The tensor size limit (`setMaxElements`) inside the workers. */
  maxElements: number;
}

export const DEFAULT_BUDGET: FuzzBudget = {
  caseTimeoutMs: 5000,
  startupTimeoutMs: 60_000,
  memoryBytes: 768 * 2 ** 20,
  heapMiB: 384,
  maxElements: 2 ** 24,
};

/** One case that was neither a typed error nor a correct load. */
export interface FuzzFailure {
  index: number;
  kind: 'untyped' | 'hang' | 'memory' | 'crash';
  detail: string;
  mutations?: string[];
}

/** The counts the suite reports per format. */
export interface FuzzSummary {
  format: FuzzFormat;
  cases: number;
  typedError: number;
  loaded: number;
  failures: FuzzFailure[];
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const CLI_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The worker's resident set in bytes, from /proc (Linux); undefined elsewhere. */
function residentBytes(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs cases [start, end) in one worker until it finishes or fails a budget. Returns the reports
 * it printed and, when it was stopped or died, the failure of the case it was on.
 */
function runWorker(
  worker: string,
  format: FuzzFormat,
  seed: number,
  start: number,
  end: number,
  budget: FuzzBudget,
) {
  return new Promise<{ reports: CaseReport[]; failure?: FuzzFailure }>((resolve) => {
    const args = [`--max-old-space-size=${budget.heapMiB}`, '--import', 'tsx', worker, format, String(seed)];
    const child = spawn(
      process.execPath,
      [...args, String(start), String(end), String(budget.memoryBytes), String(budget.maxElements)],
      {
        cwd: CLI_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const reports: CaseReport[] = [];
    let failure: FuzzFailure | undefined;
    let buffered = '';
    let stderr = '';
    const next = () => start + reports.length;
    const stop = (kind: FuzzFailure['kind'], detail: string) => {
      failure ??= { index: next(), kind, detail };
      child.kill('SIGKILL');
    };
    let timer = setTimeout(
      () => stop('hang', `no result within ${budget.startupTimeoutMs} ms of starting`),
      budget.startupTimeoutMs,
    );
    const poll = setInterval(() => {
      const rss = child.pid === undefined ? undefined : residentBytes(child.pid);
      if (rss !== undefined && rss > budget.memoryBytes)
        stop('memory', `resident set ${Math.round(rss / 2 ** 20)} MiB`);
    }, 50);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const report = JSON.parse(buffered.slice(0, newline)) as CaseReport;
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
        if (report.outcome === 'memory')
          failure ??= {
            index: report.index,
            kind: 'memory',
            detail: report.detail ?? '',
            mutations: report.mutations,
          };
        else reports.push(report);
        clearTimeout(timer);
        timer = setTimeout(
          () => stop('hang', `case took more than ${budget.caseTimeoutMs} ms`),
          budget.caseTimeoutMs,
        );
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      if (!failure && next() < end) {
        failure = {
          index: next(),
          kind: 'crash',
          detail: `worker exited (${signal ?? code}): ${stderr.trim().slice(-500)}`,
        };
      }
      resolve({ reports, failure });
    });
  });
}

/**
 * Runs `cases` seeded mutations of `format`, many per worker process, each under `budget`. A case
 * that hangs, goes over the memory budget or kills its worker is a failure, and a new worker
 * carries on after it. `worker` is the worker script (child.ts; tests pass a misbehaving one).
 */
export async function runFuzz(
  format: FuzzFormat,
  cases: number,
  seed: number,
  budget = DEFAULT_BUDGET,
  worker = CHILD,
): Promise<FuzzSummary> {
  const summary: FuzzSummary = { format, cases, typedError: 0, loaded: 0, failures: [] };
  let start = 0;
  while (start < cases) {
    const { reports, failure } = await runWorker(worker, format, seed, start, cases, budget);
    for (const report of reports) {
      if (report.outcome === 'typed') summary.typedError++;
      else if (report.outcome === 'loaded') summary.loaded++;
      else
        summary.failures.push({
          index: report.index,
          kind: 'untyped',
          detail: report.detail ?? '',
          mutations: report.mutations,
        });
    }
    start += reports.length;
    if (failure) {
      summary.failures.push(failure);
      start = failure.index + 1;
    }
  }
  return summary;
}

/** One line per format, as the suite prints it: typed error / correct load / anything else. */
export function formatSummary(summary: FuzzSummary): string {
  return `fuzz ${summary.format}: ${summary.cases} cases: ${summary.typedError} typed error / ${summary.loaded} correct load / ${summary.failures.length} anything else`;
}
