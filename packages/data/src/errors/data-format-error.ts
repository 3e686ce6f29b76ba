import { NagareError } from '@nagare/tensor';

/** A data file that cannot be read: wrong magic number, truncated, counts that disagree, bad CSV. */
export class DataFormatError extends NagareError {
  readonly code = 'DATA_FORMAT';

  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}
