import { parseSafetensors, SafetensorsError } from '@nagare/io';
import type { OptimizerStateDict, ParamGroupStateDict } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import type { CallbackState } from '../callbacks/callback';
import { CheckpointError } from '../errors/checkpoint-error';
import { type JsonValue, parseJson } from '../json';
import {
  CALLBACK_PREFIX,
  CHECKPOINT_VERSION,
  type CheckpointContents,
  METADATA_KEYS,
  OPTIMIZER_PREFIX,
  RESERVED_PREFIX,
} from './checkpoint-contents';
import { type ChecksumReport, verifyCheckpointChecksum } from './checksum';
import type { TrainingState } from './training-state';

/** A loaded checkpoint: it owns every tensor in it; `dispose()` frees them. */
export interface Checkpoint extends CheckpointContents {
  /** The path (or name) it was loaded from. */
  readonly file: string;
  /** `ok`: the data matched its checksum; `absent`: a file written before checkpoints had one. */
  readonly checksum: 'ok' | 'absent';
}

interface SavedOptimizer {
  stepCount: number;
  paramGroups: ParamGroupStateDict[];
  steps: Record<string, number>;
  buffers: Record<string, string[]>;
}

const NAGARE_KEYS = new Set<string>(Object.values(METADATA_KEYS));

function readJson<T>(file: string, metadata: Record<string, string>, key: string): T | null {
  const text = metadata[key];
  if (text === undefined) return null;
  try {
    return parseJson(text) as T;
  } catch (error) {
    throw new CheckpointError(
      file,
      'metadata',
      `metadata "${key}" is not valid JSON (${(error as Error).message})`,
    );
  }
}

function checkState(file: string, state: TrainingState | null): void {
  if (state === null) return;
  const counts = [state.epochsCompleted, state.batchesDone, state.step];
  const isValid =
    typeof state === 'object' &&
    counts.every((n) => Number.isInteger(n) && n >= 0) &&
    typeof state.rng?.default === 'object' &&
    Array.isArray(state.history?.epochs);
  if (!isValid)
    throw new CheckpointError(file, 'metadata', `metadata "${METADATA_KEYS.state}" is not a training state`);
}

function rebuildOptimizer(
  file: string,
  saved: SavedOptimizer | null,
  tensors: Map<string, Tensor>,
): OptimizerStateDict | null {
  if (saved === null) return null;
  if (
    !Number.isInteger(saved.stepCount) ||
    !Array.isArray(saved.paramGroups) ||
    typeof saved.steps !== 'object'
  )
    throw new CheckpointError(
      file,
      'metadata',
      `metadata "${METADATA_KEYS.optimizer}" is not an optimizer state`,
    );
  const state: OptimizerStateDict['state'] = {};
  for (const [index, step] of Object.entries(saved.steps)) {
    const buffers: Record<string, Tensor> = {};
    for (const name of saved.buffers?.[index] ?? []) {
      const tensor = tensors.get(`${OPTIMIZER_PREFIX}${index}.${name}`);
      if (!tensor)
        throw new CheckpointError(
          file,
          'corrupt',
          `optimizer buffer "${name}" of parameter ${index} is missing`,
        );
      buffers[name] = tensor;
    }
    state[Number(index)] = { step, tensors: buffers };
  }
  return { stepCount: saved.stepCount, paramGroups: saved.paramGroups, state };
}

function callbackStates(
  all: Map<string, Tensor>,
  values: Record<string, JsonValue>,
): Record<string, CallbackState> {
  const states: Record<string, CallbackState> = {};
  for (const [name, value] of Object.entries(values)) states[name] = { values: value };
  for (const [key, tensor] of all) {
    if (!key.startsWith(CALLBACK_PREFIX)) continue;
    const rest = key.slice(CALLBACK_PREFIX.length);
    const dot = rest.indexOf('.');
    const name = rest.slice(0, dot);
    states[name] ??= {};
    states[name].tensors ??= {};
    (states[name].tensors as Record<string, Tensor>)[rest.slice(dot + 1)] = tensor;
  }
  return states;
}

/** Splits a loaded safetensors file into the parts of a checkpoint. */
export function checkpointFromSafetensors(
  file: string,
  tensors: Record<string, Tensor>,
  metadata: Record<string, string>,
  checksum: Checkpoint['checksum'],
): Checkpoint {
  const all = new Map(Object.entries(tensors));
  const dispose = () => {
    for (const tensor of all.values()) tensor.dispose();
  };
  try {
    const version = metadata[METADATA_KEYS.version];
    if (version !== undefined && version !== CHECKPOINT_VERSION)
      throw new CheckpointError(
        file,
        'metadata',
        `checkpoint format ${version} is not supported (this version reads ${CHECKPOINT_VERSION})`,
      );
    const state = readJson<TrainingState>(file, metadata, METADATA_KEYS.state);
    checkState(file, state);
    const optimizer = rebuildOptimizer(
      file,
      readJson<SavedOptimizer>(file, metadata, METADATA_KEYS.optimizer),
      all,
    );
    const weights = Object.fromEntries([...all].filter(([name]) => !name.startsWith(RESERVED_PREFIX)));
    const callbacks = callbackStates(all, state?.callbacks ?? {});
    const userMetadata = Object.fromEntries(
      Object.entries(metadata).filter(([key]) => !NAGARE_KEYS.has(key)),
    );
    return { file, weights, optimizer, callbacks, state, metadata: userMetadata, checksum, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/** The bytes of `source`: a file read in Node, or the given bytes. */
async function readBytes(file: string, source: string | Uint8Array): Promise<Uint8Array> {
  if (typeof source !== 'string') return source;
  try {
    const { readFile } = await import('node:fs/promises');
    return await readFile(source);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new CheckpointError(file, 'missing', 'no such file');
    if (code === 'EISDIR' || code === 'EACCES')
      throw new CheckpointError(file, 'unreadable', `cannot be read (${code})`);
    throw error;
  }
}

function parse(file: string, bytes: Uint8Array): ReturnType<typeof parseSafetensors> {
  try {
    return parseSafetensors(bytes, { source: file });
  } catch (error) {
    if (!(error instanceof SafetensorsError)) throw error;
    // The safetensors message starts with the file name too; say it once.
    const detail = error.message.startsWith(`${file}: `)
      ? error.message.slice(file.length + 2)
      : error.message;
    throw new CheckpointError(file, 'corrupt', `not a valid checkpoint (${detail})`);
  }
}

function checksumFailure(file: string, report: ChecksumReport): CheckpointError {
  return new CheckpointError(
    file,
    'checksum',
    `checksum mismatch: the data is ${report.actual}, its metadata says ${report.expected} (the file was damaged or changed after it was written)`,
  );
}

/**
 * Loads a checkpoint written by `saveCheckpoint` (or any safetensors file of weights, whose
 * `state` and `optimizer` are then `null`). The data's CRC-32 is verified against the one in the
 * metadata (files from before checksums load with `checksum: 'absent'`). A missing, unreadable,
 * corrupt or damaged file throws a `CheckpointError` that names the file and the problem.
 *
 * @example
 * const checkpoint = await loadCheckpoint('run/checkpoints/best.safetensors');
 * model.loadStateDict(checkpoint.weights);
 * checkpoint.dispose();
 */
export async function loadCheckpoint(
  source: string | Uint8Array,
  options: { name?: string } = {},
): Promise<Checkpoint> {
  const file = options.name ?? (typeof source === 'string' ? source : 'checkpoint');
  const bytes = await readBytes(file, source);
  const content = parse(file, bytes);
  const report = verifyCheckpointChecksum(bytes, content.metadata);
  if (report.status === 'failed') {
    for (const tensor of Object.values(content.tensors)) tensor.dispose();
    throw checksumFailure(file, report);
  }
  return checkpointFromSafetensors(file, content.tensors, content.metadata, report.status);
}
