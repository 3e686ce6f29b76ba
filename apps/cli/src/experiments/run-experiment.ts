import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { activateJs, type BackendChoice, selectBackend } from '../backend/select-backend';
import type { BackendName } from '../config/train-config';
import { renderExperimentReport } from '../report/experiment-report';
import { toJsonLines } from '../training/metrics-row';
import type { ProgressOutput } from '../training/progress-callback';
import { writeTextAtomic } from '../training/run-files';
import { formatDuration } from '../util/format';
import type { AnyExperiment, ExperimentResult, ExperimentSize, JsonValue } from './experiment';
import { comparisonSummary, sourceSection } from './source-section';

/** What `runExperiment` runs and where it writes. */
export interface ExperimentPlan {
  experiment: AnyExperiment;
  /** Which of the experiment's sizes; ignored for the keys `params` sets. */
  size: ExperimentSize;
  /** Overrides of the size's parameters (tests run tiny versions this way). */
  params?: Record<string, unknown>;
  seed: number;
  outDir: string;
  backend: BackendName;
  threads: number;
}

/** What a finished experiment left behind. */
export interface ExperimentOutcome extends ExperimentResult {
  backend: BackendChoice;
  seconds: number;
  reportPath: string;
}

// An experiment trains many small models: there is no single workload to time, so `auto` means
// wasm when it starts and js otherwise (with the reason).
async function activateBackend(requested: BackendName, threads: number): Promise<BackendChoice> {
  const noTrial = () => 0;
  if (requested !== 'auto') return selectBackend(requested, threads, noTrial);
  try {
    return await selectBackend('wasm', threads, noTrial);
  } catch (error) {
    activateJs();
    return { name: 'js', reason: `wasm could not start: ${(error as Error).message}` };
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Number(value.toPrecision(4)));
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Runs an experiment end to end: activates the backend, creates the run directory with
 * `config.json`, lets the experiment train and measure (each measured row goes to `metrics.jsonl`
 * as it comes), appends the headline numbers as the last line, and writes the self-contained
 * `report.html` with the one-sentence result at the top.
 *
 * @example
 * await runExperiment({ experiment: findExperiment('optimizers'), size: 'quick', seed: 0,
 *   outDir: 'runs/optimizers', backend: 'auto', threads: 2 }, { stream: process.stderr, log: console.log });
 */
export async function runExperiment(
  plan: ExperimentPlan,
  output: ProgressOutput,
): Promise<ExperimentOutcome> {
  const { experiment } = plan;
  const params = { ...experiment.sizes[plan.size], ...plan.params };
  const backend = await activateBackend(plan.backend, plan.threads);
  await mkdir(plan.outDir, { recursive: true });
  const config = {
    experiment: experiment.name,
    size: plan.size,
    seed: plan.seed,
    backend: backend.name,
    params,
  };
  await writeTextAtomic(join(plan.outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  output.log(`${experiment.name} (${plan.size}): ${experiment.description}`);
  output.log(
    `backend: ${backend.name}${backend.reason ? ` — ${backend.reason}` : ''}; run directory: ${plan.outDir}`,
  );

  const metricsPath = join(plan.outDir, 'metrics.jsonl');
  const rows: Record<string, JsonValue>[] = [];
  const started = performance.now();
  const result = await experiment.run({
    params,
    seed: plan.seed,
    outDir: plan.outDir,
    output,
    record: async (row) => {
      rows.push(row);
      await writeTextAtomic(metricsPath, toJsonLines(rows));
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const comparison = comparisonSummary(plan.size, experiment.source, result.verdict);
  await writeTextAtomic(metricsPath, toJsonLines([...rows, { result: { ...result.summary, comparison } }]));
  const settings: [string, string][] = [
    ['experiment', experiment.name],
    ['size', plan.size],
    ['seed', String(plan.seed)],
    ['backend', backend.name],
    ...Object.entries(params).map(([key, value]): [string, string] => [key, describe(value)]),
  ];
  const reportPath = join(plan.outDir, 'report.html');
  await writeTextAtomic(
    reportPath,
    renderExperimentReport({
      name: experiment.name,
      description: experiment.description,
      headline: result.headline,
      sections: [...result.sections, sourceSection(plan.size, experiment.source, result.verdict)],
      settings,
      backend: backend.name,
      seconds,
      createdAt: new Date(),
    }),
  );
  output.log(result.headline);
  output.log(`done in ${formatDuration(seconds)}; report: ${reportPath}`);
  return { ...result, backend, seconds, reportPath };
}
