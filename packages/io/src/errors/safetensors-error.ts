import { NagareError } from '@nagare/tensor';

/** What is wrong with a safetensors file. */
export type SafetensorsProblem =
  | 'truncated'
  | 'header-length'
  | 'header-encoding'
  | 'header-json'
  | 'header-entries'
  | 'header-structure'
  | 'duplicate-name'
  | 'metadata'
  | 'dtype'
  | 'shape'
  | 'offsets'
  | 'overlap'
  | 'byte-count'
  | 'trailing-bytes'
  | 'value-range'
  | 'invalid-state-dict';

/**
 * A safetensors file (or state dict to save) that breaks the format. `problem` says which rule,
 * the message names the file (or function), the tensor and the values involved.
 *
 * @example
 * try { loadSafetensors(buffer) } catch (e) { if (e instanceof SafetensorsError) console.log(e.problem) }
 */
export class SafetensorsError extends NagareError {
  readonly code = 'SAFETENSORS_INVALID';

  constructor(
    readonly source: string,
    readonly problem: SafetensorsProblem,
    detail: string,
  ) {
    super(`${source}: ${detail}`);
  }
}
