import { rename, stat, writeFile } from 'node:fs/promises';
import { exportOnnxModel, saveSafetensors, writeOnnxModel } from '@nagare/io';
import { tidy, zeros } from '@nagare/tensor';
import { CliError } from '../errors/cli-error';
import { loadTrainedModel, locateRun } from '../training/load-trained';

/** The flags of `nagare export`. */
export interface ExportFlags {
  format: 'onnx' | 'safetensors' | 'pytorch';
  /** A file, or for `pytorch` a directory. */
  out: string;
  /** `pytorch` only: also write the run's train/val/test splits as safetensors. */
  withData?: boolean;
  /** ONNX opset (default 17). */
  opset?: number;
  /** The batch size the ONNX graph is traced with (default 1): the graph's shapes are fixed. */
  batchSize?: number;
}

/** Writes `bytes` beside `path` and renames it into place, so an existing file is never half-written. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}

/**
 * `nagare export <run-dir|checkpoint> --format onnx|safetensors|pytorch --out FILE|DIR`: rebuilds the
 * trained model of a run and writes it as an ONNX graph (traced at `--batch-size`, weights as
 * initializers), as a safetensors state dict with PyTorch's parameter names, or as a runnable
 * PyTorch model directory (export-pytorch.ts).
 *
 * @example
 * await exportCommand('runs/mnist-mlp-20250101-120000', { format: 'onnx', out: 'mnist.onnx' }, console.log);
 */
export async function exportCommand(
  target: string,
  flags: ExportFlags,
  log: (line: string) => void,
): Promise<number> {
  if (flags.format !== 'onnx' && flags.format !== 'safetensors' && flags.format !== 'pytorch')
    throw new CliError('--format', `expected onnx, safetensors or pytorch, got "${String(flags.format)}"`);
  if (flags.withData && flags.format !== 'pytorch')
    throw new CliError('--with-data', 'only --format pytorch writes the data splits');
  const run = await locateRun(target);
  const model = await loadTrainedModel(run);
  try {
    if (flags.format === 'pytorch') {
      const { exportPyTorchFiles } = await import('./export-pytorch');
      await exportPyTorchFiles(run, model, flags, log);
      return 0;
    }
    const parameters = model.numParameters().toLocaleString('en-US');
    if (flags.format === 'safetensors') {
      await saveSafetensors(flags.out, model.stateDict(), { format: 'pt', 'nagare.recipe': run.recipe.name });
      const bytes = (await stat(flags.out)).size.toLocaleString('en-US');
      log(
        `wrote ${flags.out} (safetensors with PyTorch's parameter names, ${parameters} parameters, ${bytes} bytes)`,
      );
      return 0;
    }
    const shape = [flags.batchSize ?? 1, ...run.recipe.input.shape];
    const opset = flags.opset ?? 17;
    const onnx = tidy(() => exportOnnxModel(model, zeros(shape), { opset, graphName: run.recipe.name }));
    onnx.metadata = {
      'nagare.recipe': run.recipe.name,
      'nagare.classes': JSON.stringify(run.recipe.classes),
    };
    const bytes = writeOnnxModel(onnx);
    await writeAtomically(flags.out, bytes);
    const nodes = onnx.graph.nodes.length;
    log(
      `wrote ${flags.out} (ONNX opset ${opset}, ${nodes} nodes, input [${shape.join(', ')}], ${parameters} parameters, ${bytes.length.toLocaleString('en-US')} bytes)`,
    );
    return 0;
  } finally {
    model.dispose();
  }
}
