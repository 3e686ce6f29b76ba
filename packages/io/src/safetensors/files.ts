import { type ParseSafetensorsOptions, parseSafetensors, type SafetensorsContent } from './parse';
import {
  type SaveSafetensorsOptions,
  safetensorsChunks,
  safetensorsChunksAsync,
  type TensorDict,
} from './serialize';

/** Anything with a `write(chunk)` method (a stream writer, a Node stream, a collector); may return a promise. */
export interface SafetensorsSink {
  write(chunk: Uint8Array): unknown;
}

type FsPromises = typeof import('node:fs/promises');

// Loaded only when a path is given, so browser bundles that save to sinks or load ArrayBuffers
// never need Node's file system (package.json's "browser" field maps it to an empty module).
async function nodeFs(): Promise<FsPromises> {
  return import('node:fs/promises');
}

const pathOf = (target: string | URL) =>
  typeof target === 'string' ? target : decodeURIComponent(target.pathname);

/**
 * Writes a state dict as safetensors to a file path (Node) or a sink. A file is first written to a
 * temporary name beside it and then renamed, so an existing file is never left half-written.
 * Metadata is the `__metadata__` string map (e.g. `{ format: 'pt' }` for PyTorch). Values are read
 * with `data()`, so it works on every backend; keep the tensors alive until it settles.
 *
 * @example
 * await saveSafetensors('model.safetensors', model.stateDict(), { format: 'pt' });
 */
export async function saveSafetensors(
  target: string | URL | SafetensorsSink,
  tensors: TensorDict,
  metadata?: Record<string, string>,
  options: SaveSafetensorsOptions = {},
): Promise<void> {
  const chunks = await safetensorsChunksAsync(tensors, metadata, options);
  if (typeof target !== 'string' && !(target instanceof URL)) {
    for (const chunk of chunks) await target.write(chunk);
    return;
  }
  const fs = await nodeFs();
  const path = target instanceof URL ? target : pathOf(target);
  const temporary = `${pathOf(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    const handle = await fs.open(temporary, 'wx');
    try {
      for (const chunk of chunks) await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Loads safetensors from a file path (Node) or from bytes (`ArrayBuffer`/`Uint8Array`, e.g. a
 * `fetch` response in the browser). Every corrupt or hostile file throws `SafetensorsError`.
 *
 * @example
 * const { tensors, metadata } = await loadSafetensors('model.safetensors');
 * model.loadStateDict(tensors);
 */
export async function loadSafetensors(
  source: string | URL | ArrayBuffer | ArrayBufferView,
  options: ParseSafetensorsOptions = {},
): Promise<SafetensorsContent> {
  if (typeof source !== 'string' && !(source instanceof URL)) return parseSafetensors(source, options);
  const fs = await nodeFs();
  const bytes = await fs.readFile(source);
  return parseSafetensors(bytes, { source: options.source ?? pathOf(source) });
}

/**
 * Browser helper: encodes a state dict as safetensors and offers it as a file download.
 *
 * @example
 * button.onclick = () => downloadSafetensors('model.safetensors', model.stateDict(), { format: 'pt' });
 */
export function downloadSafetensors(
  filename: string,
  tensors: TensorDict,
  metadata?: Record<string, string>,
  options: SaveSafetensorsOptions = {},
): void {
  const blob = new Blob(safetensorsChunks(tensors, metadata, options) as BlobPart[], {
    type: 'application/octet-stream',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
