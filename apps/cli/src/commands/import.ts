import { readFile, stat } from 'node:fs/promises';
import { type ImportedOnnx, importOnnx, nagareDTypeForOnnx, type OnnxValueInfo } from '@nagare/io';
import { formatTensor, randn, type Tensor, tensor, zeros } from '@nagare/tensor';
import { CliError } from '../errors/cli-error';
import { directoryNotFileError, missingPathError } from '../errors/path-errors';

/** The flags of `nagare import`. */
export interface ImportFlags {
  /** `zeros`, `random`, comma-separated values, or a file of numbers for the (single) input. */
  input?: string;
  json?: boolean;
}

/** The input's static shape; a symbolic or unknown dimension (usually the batch) runs as 1. */
const shapeOf = (info: OnnxValueInfo) => (info.shape ?? []).map((d) => (typeof d === 'number' ? d : 1));

async function readNumbers(spec: string): Promise<number[]> {
  const isFile = (await stat(spec).catch(() => null))?.isFile() ?? false;
  const text = isFile ? await readFile(spec, 'utf8') : spec;
  const words = text.split(/[\s,]+/).filter(Boolean);
  const values = words.map(Number);
  const bad = values.findIndex(Number.isNaN);
  if (bad >= 0) throw new CliError(isFile ? spec : '--input', `"${words[bad]}" is not a number`);
  return values;
}

/** One tensor per graph input, from `--input`. */
async function inputsFor(imported: ImportedOnnx, spec: string): Promise<Tensor[]> {
  const generated = spec === 'zeros' || spec === 'random';
  if (!generated && imported.inputs.length !== 1) {
    throw new CliError('--input', `the graph has ${imported.inputs.length} inputs: use zeros or random`);
  }
  const numbers = generated ? [] : await readNumbers(spec);
  return imported.inputs.map((info, i) => {
    const shape = shapeOf(info);
    const dtype = info.elemType ? nagareDTypeForOnnx(info.elemType) : 'float32';
    if (spec === 'zeros') return zeros(shape, { dtype });
    if (spec === 'random')
      return dtype === 'float32' || dtype === 'float64'
        ? randn(shape, { seed: i, dtype })
        : zeros(shape, { dtype });
    const size = shape.reduce((a, b) => a * b, 1);
    if (numbers.length !== size) {
      throw new CliError(
        '--input',
        `input "${info.name}" [${shape.join(', ')}] needs ${size} values, got ${numbers.length}`,
      );
    }
    return tensor(numbers, { shape, dtype });
  });
}

/**
 * `nagare import model.onnx [--input zeros|random|v1,v2,…|values.txt] [--json]`: imports an ONNX
 * model with nagare's importer, prints its graph summary (inputs, outputs, operators, initializers,
 * and the nagare layers when it is a chain of them) and, with `--input`, runs it and prints the outputs.
 *
 * @example
 * await importCommand('mnist.onnx', { input: 'random' }, console.log);
 */
export async function importCommand(
  file: string,
  flags: ImportFlags,
  log: (line: string) => void,
): Promise<number> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw missingPathError(file);
    if (error.code === 'EISDIR') throw directoryNotFileError(file, '.onnx');
    throw error;
  });
  const imported = importOnnx(bytes, { source: file });
  try {
    const inputs = flags.input === undefined ? null : await inputsFor(imported, flags.input);
    const outputs = inputs ? imported.run(inputs) : [];
    const named = outputs.map((t, i) => ({ name: imported.outputs[i].name, tensor: t }));
    if (flags.json) {
      const describe = ({ name, tensor: t }: { name: string; tensor: Tensor }) => ({
        name,
        dtype: t.dtype,
        shape: [...t.shape],
        values: Array.from(t.dataSync(), Number),
      });
      log(JSON.stringify({ file, summary: imported.summary(), outputs: named.map(describe) }));
    } else {
      log(imported.summary());
      for (const { name, tensor: t } of named) log(`\n${name} = ${formatTensor(t)}`);
    }
    for (const t of [...(inputs ?? []), ...outputs]) t.dispose();
    return 0;
  } finally {
    imported.dispose();
  }
}
