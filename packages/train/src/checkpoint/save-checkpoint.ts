import { saveSafetensors, serializeSafetensorsAsync } from '@nagare/io';
import { ArgumentError, type Tensor } from '@nagare/tensor';
import { stringifyJson } from '../json';
import {
  CALLBACK_PREFIX,
  CHECKPOINT_VERSION,
  type CheckpointContents,
  METADATA_KEYS,
  OPTIMIZER_PREFIX,
  RESERVED_PREFIX,
} from './checkpoint-contents';
import { dataSection, formatChecksum } from './checksum';

/** The tensors and the `__metadata__` map (with the data's checksum) a checkpoint is written as. */
export async function checkpointEntries(contents: CheckpointContents): Promise<{
  tensors: Map<string, Tensor>;
  metadata: Record<string, string>;
}> {
  const tensors = new Map<string, Tensor>();
  for (const [name, tensor] of Object.entries(contents.weights)) {
    if (name.startsWith(RESERVED_PREFIX))
      throw new ArgumentError(
        'saveCheckpoint',
        `model tensor "${name}" uses the reserved prefix "${RESERVED_PREFIX}"`,
      );
    tensors.set(name, tensor);
  }
  const optimizer = contents.optimizer;
  for (const [index, saved] of Object.entries(optimizer?.state ?? {})) {
    for (const [name, tensor] of Object.entries(saved.tensors))
      tensors.set(`${OPTIMIZER_PREFIX}${index}.${name}`, tensor);
  }
  for (const [callback, state] of Object.entries(contents.callbacks)) {
    if (callback.includes('.'))
      throw new ArgumentError('saveCheckpoint', `callback name "${callback}" contains a "."`);
    for (const [name, tensor] of Object.entries(state.tensors ?? {}))
      tensors.set(`${CALLBACK_PREFIX}${callback}.${name}`, tensor);
  }
  const metadata: Record<string, string> = { ...contents.metadata, format: 'pt' };
  metadata[METADATA_KEYS.version] = CHECKPOINT_VERSION;
  if (contents.state) {
    metadata[METADATA_KEYS.epoch] = String(contents.state.epochsCompleted);
    metadata[METADATA_KEYS.step] = String(contents.state.step);
    const callbackValues = Object.fromEntries(
      Object.entries(contents.callbacks).flatMap(([name, state]) =>
        state.values === undefined ? [] : [[name, state.values]],
      ),
    );
    metadata[METADATA_KEYS.state] = stringifyJson({ ...contents.state, callbacks: callbackValues });
  }
  if (optimizer) {
    const steps = Object.fromEntries(
      Object.entries(optimizer.state).map(([index, saved]) => [index, saved.step]),
    );
    metadata[METADATA_KEYS.optimizer] = stringifyJson({
      stepCount: optimizer.stepCount,
      paramGroups: optimizer.paramGroups,
      steps,
      buffers: Object.fromEntries(
        Object.entries(optimizer.state).map(([index, saved]) => [index, Object.keys(saved.tensors)]),
      ),
    });
  }
  // The data section does not depend on the header, so it is encoded once without metadata to
  // checksum it; the file is then written with the checksum in its header.
  metadata[METADATA_KEYS.checksum] = formatChecksum(dataSection(await serializeSafetensorsAsync(tensors)));
  return { tensors, metadata };
}

/**
 * Writes a checkpoint as one safetensors file, creating its directory. The file is written to a
 * temporary name in the same directory, flushed and renamed over `path`, so a crash or `kill -9`
 * at any moment leaves either the previous checkpoint or the new one, never a torn file. The
 * tensors must stay alive and unchanged until the promise settles. The metadata holds a CRC-32 of
 * the data section, which `loadCheckpoint` verifies. Needs Node (a file system).
 *
 * @example
 * const contents = context.checkpoint();
 * await saveCheckpoint('run/last.safetensors', contents);
 * contents.dispose();
 */
export async function saveCheckpoint(path: string, contents: CheckpointContents): Promise<void> {
  const { tensors, metadata } = await checkpointEntries(contents);
  const [fs, { basename, dirname, join }] = await Promise.all([
    import('node:fs/promises'),
    import('node:path'),
  ]);
  await fs.mkdir(dirname(path), { recursive: true });
  await saveSafetensors(path, tensors, metadata);
  // A writer killed mid-write leaves its temporary file (`<name>.<pid>.<random>.tmp`) behind.
  const stale = new RegExp(`^${basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\..+\\.tmp$`);
  for (const name of await fs.readdir(dirname(path))) {
    const pid = stale.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) await fs.rm(join(dirname(path), name), { force: true });
  }
}

/** True while process `pid` exists (signal 0 only checks). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
