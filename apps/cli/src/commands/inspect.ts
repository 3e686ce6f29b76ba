import { type ChecksumReport, verifyCheckpointChecksum } from '@nagare/train';
import { findRecipe } from '../recipes/registry';
import { locateCheckpoint, readSafetensorsFile } from '../training/checkpoint-files';
import { CONFIG_METADATA_KEY } from '../training/load-trained';
import { formatTable } from '../util/format';

/** One tensor of a checkpoint as `inspect` lists it. */
export interface TensorInfo {
  name: string;
  dtype: string;
  shape: number[];
  values: number;
}

/** What `nagare inspect --json` prints. */
export interface InspectResult {
  file: string;
  bytes: number;
  /** Trainable parameters of the model (from the recipe, when the checkpoint names one). */
  parameters: number;
  /** Values in the model's tensors (parameters and buffers). */
  modelValues: number;
  tensors: TensorInfo[];
  metadata: Record<string, string>;
  /** The data's CRC-32 against the one in the metadata: ok, failed, or absent (an older file). */
  checksum: ChecksumReport;
}

// Names of the optimizer's and callbacks' tensors start with this (see @nagare/train checkpoints).
const TRAINING_STATE_PREFIX = 'nagare:';

/** Exact trainable-parameter count from the recipe the checkpoint records, if it records one. */
function recipeParameters(metadata: Record<string, string>): number | null {
  const text = metadata[CONFIG_METADATA_KEY];
  if (text === undefined) return null;
  try {
    const config = JSON.parse(text);
    const model = findRecipe(config.recipe).build(config);
    const count = model.numParameters({ trainableOnly: true });
    model.dispose();
    return count;
  } catch {
    return null;
  }
}

/** A metadata value for the listing: short JSON is shown, long JSON is summarized. */
function describeMetadata(key: string, value: string): string {
  if (key === 'nagare.state') {
    try {
      const state = JSON.parse(value);
      return `training state: ${state.epochsCompleted} epochs done, ${state.batchesDone} batches into the next, step ${state.step}, seed ${state.seed}, backend ${state.backend}`;
    } catch {
      return `${value.length} characters (not valid JSON)`;
    }
  }
  return value.length > 160 ? `${value.slice(0, 157)}...` : value;
}

/** The checksum line: whether the data is what was written. */
function describeChecksum(report: ChecksumReport): string {
  if (report.status === 'ok') return `checksum: ok (${report.actual})`;
  if (report.status === 'absent')
    return 'checksum: absent (written before checkpoints had checksums; it still loads, unverified)';
  return `checksum: FAILED — the data is ${report.actual}, its metadata says ${report.expected}; eval and --resume refuse this file`;
}

/** The text listing of `inspect`: size, parameters, checksum, tensor tables and metadata. */
function printInspection(result: InspectResult, log: (line: string) => void): void {
  const row = (t: TensorInfo) => [t.name, t.dtype, `[${t.shape.join(', ')}]`, t.values];
  const model = result.tensors.filter((t) => !t.name.startsWith(TRAINING_STATE_PREFIX));
  const state = result.tensors.filter((t) => t.name.startsWith(TRAINING_STATE_PREFIX));
  log(`${result.file} (${result.bytes.toLocaleString('en-US')} bytes)`);
  log(`parameters: ${result.parameters.toLocaleString('en-US')}`);
  log(describeChecksum(result.checksum));
  log('');
  log(`model tensors (${model.length}, ${result.modelValues.toLocaleString('en-US')} values)`);
  log(formatTable(['name', 'dtype', 'shape', 'values'], model.map(row)));
  if (state.length > 0) {
    log('');
    log(`training-state tensors: optimizer and callbacks (${state.length})`);
    log(formatTable(['name', 'dtype', 'shape', 'values'], state.map(row)));
  }
  log('');
  log('metadata');
  const entries = Object.entries(result.metadata).map(([key, value]) => [key, describeMetadata(key, value)]);
  log(entries.length > 0 ? formatTable(['key', 'value'], entries) : '(none)');
}

/**
 * `nagare inspect <checkpoint|run-dir>`: lists a safetensors file's tensors (name, dtype, shape,
 * values), the model's parameter count, its checksum status and its metadata (training state
 * summarized). A checkpoint whose checksum fails is still listed, so the damage can be looked at.
 *
 * @example
 * await inspectCommand('runs/x/checkpoints/last.safetensors', {}, console.log);
 */
export async function inspectCommand(
  target: string,
  flags: { json?: boolean },
  log: (line: string) => void,
): Promise<number> {
  const { checkpointPath } = await locateCheckpoint(target);
  const { bytes, content } = await readSafetensorsFile(checkpointPath);
  const tensors: TensorInfo[] = Object.entries(content.tensors).map(([name, t]) => ({
    name,
    dtype: t.dtype,
    shape: [...t.shape],
    values: t.size,
  }));
  for (const tensor of Object.values(content.tensors)) tensor.dispose();
  const model = tensors.filter((t) => !t.name.startsWith(TRAINING_STATE_PREFIX));
  const modelValues = model.reduce((total, t) => total + t.values, 0);
  const result: InspectResult = {
    file: checkpointPath,
    bytes: bytes.length,
    parameters: recipeParameters(content.metadata) ?? modelValues,
    modelValues,
    tensors,
    metadata: content.metadata,
    checksum: verifyCheckpointChecksum(bytes, content.metadata),
  };
  if (flags.json) log(JSON.stringify(result));
  else printInspection(result, log);
  return 0;
}
