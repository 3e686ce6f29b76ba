import { NagareError } from '@nagare/tensor';

/** A key whose tensor has a different shape in the model and in the state dict. */
export interface ShapeMismatch {
  key: string;
  expected: readonly number[];
  received: readonly number[];
}

/**
 * A state dict that does not fit the model: it lists every missing key, every unexpected key and
 * every key whose shape differs, so one error shows the whole mismatch.
 *
 * @example
 * try { model.loadStateDict(saved); } catch (error) {
 *   if (error instanceof StateDictError) console.log(error.missingKeys, error.shapeMismatches);
 * }
 */
export class StateDictError extends NagareError {
  readonly code = 'STATE_DICT_MISMATCH';

  constructor(
    readonly op: string,
    readonly missingKeys: readonly string[],
    readonly unexpectedKeys: readonly string[],
    readonly shapeMismatches: readonly ShapeMismatch[],
  ) {
    const lines = [`${op}: the state dict does not match the model`];
    if (missingKeys.length) lines.push(`  missing keys: ${missingKeys.join(', ')}`);
    if (unexpectedKeys.length) lines.push(`  unexpected keys: ${unexpectedKeys.join(', ')}`);
    for (const { key, expected, received } of shapeMismatches) {
      lines.push(
        `  wrong shape: ${key} (model [${expected.join(', ')}], state dict [${received.join(', ')}])`,
      );
    }
    super(lines.join('\n'));
  }
}
