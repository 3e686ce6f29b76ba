import { ArgumentError } from '@nagare/tensor';
import type { ReportSection } from '../report/report-html';
import type { ProgressOutput } from '../training/progress-callback';

/** How big a run is: `quick` for a first look, `default` within 10 minutes on 2 cores, `full` longer. */
export type ExperimentSize = 'quick' | 'default' | 'full';

/** A JSON value, as metrics.jsonl rows and headline numbers hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What an experiment's `run` gets: its parameters and where to report. */
export interface ExperimentContext<P> {
  /** The parameters of the chosen size (or a test's own). */
  params: P;
  seed: number;
  /** The run directory (already created). */
  outDir: string;
  /** Progress bars and one-line summaries (e.g. `progressCallback(output)` for `fit`). */
  output: ProgressOutput;
  /** Appends one row to the run's `metrics.jsonl` (written atomically after every row). */
  record(row: Record<string, JsonValue>): Promise<void>;
}

/** The published result an experiment reproduces, and the setting its `full` size follows. */
export interface ExperimentSource {
  /** Who and where, e.g. "Klambauer et al., Self-Normalizing Neural Networks (NeurIPS 2017)". */
  citation: string;
  /** The source's setting that the `full` size follows (data, model, epochs, seeds). */
  setting: string;
  /** The source's figure or number that a run is compared with. */
  figure: string;
  /** The sizes that run the source's setting unchanged (default `['full']`; smaller sizes scale it down). */
  sizesFollowing?: readonly ExperimentSize[];
}

/** Whether a run's numbers agree with its source's, decided by a stated rule. */
export interface Verdict {
  /** nagare's measured figure, in the terms of the source's figure. */
  measured: string;
  isAgreeing: boolean;
  /** The rule that decided `isAgreeing`, stated so that a reader can check it against the numbers. */
  criterion: string;
}

/** What an experiment measured: the report's contents and the headline numbers. */
export interface ExperimentResult {
  /** One sentence stating the setting and the measured result; the top of report.html. */
  headline: string;
  sections: ReportSection[];
  /** The numbers the headline states, written as the last line of metrics.jsonl (`{ "result": … }`). */
  summary: Record<string, JsonValue>;
  /** The measured figure against the source's (see `Experiment.source`). */
  verdict: Verdict;
}

/**
 * One of the curriculum's experiments as `nagare experiment <name>`: several trainings or
 * measurements compared on one report. One experiment is one small file that calls
 * `defineExperiment` and is listed in `experiments/registry.ts`.
 */
export interface Experiment<P extends object> {
  /** The name users type: lowercase words joined by hyphens. */
  readonly name: string;
  /** One line for `nagare experiment` (the list). */
  readonly description: string;
  /** The parameters of each size; `default` must finish within 10 minutes on 2 cores with wasm. */
  readonly sizes: Readonly<Record<ExperimentSize, P>>;
  /** The published result it reproduces; the report compares the run's `verdict` with it. */
  readonly source: ExperimentSource;
  run(context: ExperimentContext<P>): Promise<ExperimentResult>;
}

/** An experiment with its parameter type erased, as the registry and the runner hold it. */
export type AnyExperiment = Experiment<Record<string, unknown>>;

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Declares an experiment, checking its name and that its description is one line.
 *
 * @example
 * export const optimizers = defineExperiment({ name: 'optimizers', description: '…',
 *   sizes: { quick: { epochs: 1 }, default: { epochs: 3 }, full: { epochs: 10 } }, run: async ({ params }) => … });
 */
export function defineExperiment<P extends object>(experiment: Experiment<P>): Experiment<P> {
  if (!NAME.test(experiment.name)) {
    throw new ArgumentError('defineExperiment', `name must be kebab-case, got "${experiment.name}"`);
  }
  if (experiment.description.includes('\n') || experiment.description.length > 100) {
    throw new ArgumentError(
      'defineExperiment',
      `${experiment.name}: description must be one line of at most 100 characters`,
    );
  }
  return experiment;
}
