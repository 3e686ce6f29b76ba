import { join } from 'node:path';
import { resolveConfig } from '../config/resolve-config';
import type { TrainConfig } from '../config/train-config';
import { CliError } from '../errors/cli-error';
import { missingPathError } from '../errors/path-errors';
import { exists, readCheckpoint, runCheckpoints } from '../training/checkpoint-files';
import type { ProgressOutput } from '../training/progress-callback';
import { checkOutputLocation } from '../training/run-dir';
import { runTraining } from '../training/train-run';
import { cliCommand } from '../util/cli-command';

/** The flags of `nagare train` as commander parses them. */
export interface TrainFlags {
  epochs?: number;
  batchSize?: number;
  lr?: number;
  optimizer?: TrainConfig['optimizer'];
  weightDecay?: number;
  schedule?: TrainConfig['schedule'];
  seed?: number;
  backend?: TrainConfig['backend'];
  threads?: number;
  limit?: number;
  augment?: number;
  dataDir?: string;
  out?: string;
  resume?: string;
  /** Start from these weights (a checkpoint, or a state dict saved in PyTorch) instead of the recipe's init. */
  initFrom?: string;
}

/** The checkpoint a resumed run continues from, and why when it is not `last`. */
interface ResumePoint {
  path: string;
  note: string | null;
}

/**
 * `last.safetensors`, or `best.safetensors` when last is missing and best holds a full training
 * state (best is written with the same state as last, only at another moment).
 */
async function findResumePoint(dir: string): Promise<ResumePoint> {
  if (!(await exists(dir))) throw missingPathError(dir);
  const { best, last } = runCheckpoints(dir);
  // Loaded once here, so a damaged checkpoint is refused before anything in the run is rewritten.
  if (await exists(last)) {
    (await readCheckpoint(last)).dispose();
    return { path: last, note: null };
  }
  if (!(await exists(best)))
    throw new CliError(
      dir,
      'nothing to resume: no checkpoints/last.safetensors or checkpoints/best.safetensors',
    );
  const checkpoint = await readCheckpoint(best);
  const hasState = checkpoint.state !== null && checkpoint.optimizer !== null;
  checkpoint.dispose();
  if (!hasState)
    throw new CliError(
      dir,
      'nothing to resume: checkpoints/last.safetensors is missing and best holds weights only',
    );
  return { path: best, note: `resuming from ${best}: ${last} is missing` };
}

/** `train --resume DIR`: the run's own config (flags may extend it) and its checkpoint. */
async function resumeRun(
  target: string | undefined,
  dir: string,
  out: string | undefined,
  overrides: Partial<TrainConfig>,
  output: ProgressOutput,
): Promise<number> {
  const from = await findResumePoint(dir);
  const { recipe, config } = await resolveConfig(join(dir, 'config.json'), overrides, { isRunConfig: true });
  if (target !== undefined && target !== recipe.name) {
    throw new CliError(
      target,
      `--resume ${dir} continues a ${recipe.name} run; leave out the recipe or name ${recipe.name}`,
    );
  }
  if (out !== undefined && out !== dir)
    throw new CliError('--out', 'a resumed run stays in its own directory; leave out --out');
  if (from.note) output.log(from.note);
  return runTraining({ recipe, config, out: dir, resumeFrom: from.path }, output);
}

/**
 * `nagare train <recipe|config.json>`: resolves the config (recipe defaults ← file ← flags) and
 * trains into a new run directory, or continues one with `--resume DIR`. Returns the exit code.
 *
 * @example
 * await trainCommand('mnist-mlp', { epochs: 1, limit: 2000 }, output);
 */
export async function trainCommand(
  target: string | undefined,
  flags: TrainFlags,
  output: ProgressOutput,
): Promise<number> {
  const { resume, out, initFrom, ...settings } = flags;
  const overrides: Partial<TrainConfig> = { ...settings };
  if (resume !== undefined) {
    if (initFrom !== undefined)
      throw new CliError(
        '--init-from',
        'a resumed run continues from its own checkpoint; leave out --init-from',
      );
    return resumeRun(target, resume, out, overrides, output);
  }
  if (target === undefined) {
    throw new CliError(
      'train',
      `name a recipe (see \`${cliCommand(['recipes'])}\`) or a config.json, or continue a run with --resume DIR`,
    );
  }
  // Refused at once, before any data is loaded: nothing can be written there.
  if (out !== undefined) await checkOutputLocation(out);
  const { recipe, config } = await resolveConfig(target, overrides);
  if (out !== undefined && (await exists(runCheckpoints(out).last))) {
    const resume = cliCommand(['train', '--resume', { path: out }]);
    throw new CliError(
      out,
      `already holds a training run: continue it with \`${resume}\`, or choose another --out`,
    );
  }
  return runTraining({ recipe, config, out: out ?? null, resumeFrom: null, initFrom }, output);
}
