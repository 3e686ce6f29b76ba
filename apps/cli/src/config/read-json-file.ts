import { readFile } from 'node:fs/promises';
import { CliError } from '../errors/cli-error';
import { directoryNotFileError, missingPathError } from '../errors/path-errors';

/**
 * Reads a JSON object from `path`; a missing, unreadable or malformed file becomes a one-line
 * CliError naming the file and the problem.
 *
 * @example
 * const config = await readJsonObject('runs/mnist-mlp/config.json');
 */
export async function readJsonObject(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw missingPathError(path);
    if (code === 'EISDIR') throw directoryNotFileError(path, 'JSON');
    throw new CliError(path, `cannot be read (${code ?? (error as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(path, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(
      path,
      `expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}
