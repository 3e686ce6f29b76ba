import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveConfig } from '../config/resolve-config';
import type { TrainConfig } from '../config/train-config';
import { CliError } from '../errors/cli-error';
import type { ProgressOutput } from '../training/progress-callback';
import { runTraining } from '../training/train-run';

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

/** `runs/<recipe>-<yyyymmdd>-<hhmmss>` in local time: sortable, and unique per second. */
export function defaultRunDir(recipe: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return join('runs', `${recipe}-${date}-${time}`);
}

const exists = async (path: string) => (await stat(path).catch(() => null)) !== null;

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
    const configPath = join(resume, 'config.json');
    if (!(await exists(join(resume, 'checkpoints', 'last.safetensors')))) {
      throw new CliError(resume, 'nothing to resume: no checkpoints/last.safetensors in this directory');
    }
    const { recipe, config } = await resolveConfig(configPath, overrides);
    if (target !== undefined && target !== recipe.name) {
      throw new CliError(
        target,
        `--resume ${resume} continues a ${recipe.name} run; leave out the recipe or name ${recipe.name}`,
      );
    }
    if (initFrom !== undefined)
      throw new CliError(
        '--init-from',
        'a resumed run continues from its own checkpoint; leave out --init-from',
      );
    if (out !== undefined && out !== resume)
      throw new CliError('--out', 'a resumed run stays in its own directory; leave out --out');
    return runTraining({ recipe, config, outDir: resume, isResume: true }, output);
  }
  if (target === undefined) {
    throw new CliError(
      'train',
      'name a recipe (see `nagare recipes`) or a config.json, or continue a run with --resume DIR',
    );
  }
  const { recipe, config } = await resolveConfig(target, overrides);
  const outDir = out ?? defaultRunDir(recipe.name);
  if (await exists(join(outDir, 'checkpoints', 'last.safetensors'))) {
    throw new CliError(
      outDir,
      'already holds a training run: continue it with --resume, or choose another --out',
    );
  }
  return runTraining({ recipe, config, outDir, isResume: false, initFrom }, output);
}
