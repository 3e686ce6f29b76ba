import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseSafetensors, type SafetensorsContent, SafetensorsError } from '@nagare/io';
import { type Checkpoint, CheckpointError, loadCheckpoint } from '@nagare/train';
import { CliError } from '../errors/cli-error';
import { directoryNotFileError, missingPathError, notARunDirectoryError } from '../errors/path-errors';

const CORRUPT = 'not a valid checkpoint';

/** Rewrites a file-system, safetensors or checkpoint error about `path` in the shared wording (errors/path-errors). */
export function checkpointFileError(path: string, error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  const problem = error instanceof CheckpointError ? error.problem : null;
  if (code === 'ENOENT' || problem === 'missing') return missingPathError(path);
  if (code === 'EISDIR') return directoryNotFileError(path, '.safetensors');
  if (code === 'EACCES' || problem === 'unreadable')
    return new CliError(path, 'cannot be read (no permission)');
  if (error instanceof SafetensorsError) {
    const detail = error.message.startsWith(`${path}: `)
      ? error.message.slice(path.length + 2)
      : error.message;
    return new CliError(path, `${CORRUPT} (${detail})`);
  }
  return error;
}

const isDirectory = async (path: string) => (await stat(path).catch(() => null))?.isDirectory() ?? false;
/** True when `path` exists (file or directory). */
export const exists = async (path: string) => (await stat(path).catch(() => null)) !== null;

/** The two checkpoints of a run directory. */
export function runCheckpoints(dir: string): { best: string; last: string } {
  const checkpoints = join(dir, 'checkpoints');
  return { best: join(checkpoints, 'best.safetensors'), last: join(checkpoints, 'last.safetensors') };
}

/** Where a command's checkpoint and the run's config are. */
export interface CheckpointLocation {
  checkpointPath: string;
  runDir: string | null;
  configPath: string | null;
}

/**
 * Finds the checkpoint and config of `target`: a run directory (its best checkpoint, or last when
 * there is no best) or a checkpoint file (config from its metadata, else from the run directory it
 * sits in). A missing path or a directory without checkpoints is a CliError in the shared wording.
 *
 * @example
 * const { checkpointPath } = await locateCheckpoint('runs/mnist-mlp-20250101-120000');
 */
export async function locateCheckpoint(target: string): Promise<CheckpointLocation> {
  if (!(await exists(target))) throw missingPathError(target);
  if (await isDirectory(target)) {
    const { best, last } = runCheckpoints(target);
    const checkpointPath = (await exists(best)) ? best : last;
    if (!(await exists(checkpointPath))) throw notARunDirectoryError(target);
    return { checkpointPath, runDir: target, configPath: join(target, 'config.json') };
  }
  const runDir = dirname(dirname(target));
  const configPath = join(runDir, 'config.json');
  const hasConfig = await exists(configPath);
  return {
    checkpointPath: target,
    runDir: hasConfig ? runDir : null,
    configPath: hasConfig ? configPath : null,
  };
}

/**
 * Loads a checkpoint (checksum verified) with errors in the shared wording.
 *
 * @example
 * const checkpoint = await readCheckpoint('runs/x/checkpoints/best.safetensors');
 */
export async function readCheckpoint(path: string): Promise<Checkpoint> {
  try {
    return await loadCheckpoint(path);
  } catch (error) {
    throw checkpointFileError(path, error);
  }
}

/**
 * Reads a safetensors file's bytes and content without judging its checksum (for `inspect`, which
 * reports it), with errors in the shared wording.
 *
 * @example
 * const { bytes, content } = await readSafetensorsFile('runs/x/checkpoints/last.safetensors');
 */
export async function readSafetensorsFile(
  path: string,
): Promise<{ bytes: Uint8Array; content: SafetensorsContent }> {
  try {
    const bytes = new Uint8Array(await readFile(path));
    return { bytes, content: parseSafetensors(bytes, { source: path }) };
  } catch (error) {
    throw checkpointFileError(path, error);
  }
}
