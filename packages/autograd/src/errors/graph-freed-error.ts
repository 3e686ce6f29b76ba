import { NagareError } from '@nagare/tensor';

/**
 * A backward pass reached an op whose saved tensors were already freed by an earlier
 * `backward()`: `backward: the graph of mul was freed by an earlier backward(); ...`.
 *
 * @example
 * const y = sum(exp(x));
 * y.backward();
 * y.backward(); // throws GraphFreedError (pass { retainGraph: true } to the first call)
 */
export class GraphFreedError extends NagareError {
  readonly code = 'GRAPH_FREED';

  constructor(
    readonly op: string,
    readonly node: string,
  ) {
    super(
      `${op}: the graph of ${node} was freed by an earlier backward(); ` +
        'pass { retainGraph: true } to the first backward() to run backward through it again',
    );
  }
}
