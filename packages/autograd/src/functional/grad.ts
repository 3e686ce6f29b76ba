import { ArgumentError, onesLike, reshape, ShapeError, Tensor, tidy, zerosLike } from '@nagare/tensor';
import { checkDifferentiable } from '../backward';
import { runBackward } from '../backward-engine';
import { isGradEnabled, withGradMode } from '../grad-mode';
import { edgeOf, freeUnreachable, type GraphNode, trackingNodes } from '../graph';
import { distinct, normalizeArgnums, type WatchedArgs, watchArgs } from './watch-args';

/** Options of `grad` and `valueAndGrad`. */
export interface GradOptions<N extends number | readonly number[] = number | readonly number[]> {
  /** Which arguments to differentiate with respect to: one index (default 0) or a list. */
  argnums?: N;
  /**
   * Record the gradient computation so the result can be differentiated again. Defaults to true
   * when an argument is itself being differentiated by an enclosing `grad` (grad of grad).
   */
  createGraph?: boolean;
}

/** One gradient for a single `argnums` index, a list for a list. */
export type GradResult<N> = N extends readonly number[] ? Tensor[] : Tensor;

/** A function of tensors (and other values) returning a one-element float tensor. */
export type ScalarFunction<A extends unknown[]> = (...args: A) => Tensor;

/**
 * Transforms `f` (returning a one-element tensor) into a function returning `{ value, grad }`:
 * f's value and its gradient with respect to the arguments in `argnums`, each of its argument's
 * shape. The caller's tensors are not marked and nothing accumulates into `.grad`; intermediate
 * tensors are freed.
 *
 * @example
 * const f = (x: Tensor) => sum(mul(x, x));
 * const { value, grad } = valueAndGrad(f)(tensor([1, 2, 3])); // 14, [2, 4, 6]
 */
export function valueAndGrad<A extends unknown[] = Tensor[], N extends number | readonly number[] = number>(
  f: ScalarFunction<A>,
  options: GradOptions<N> = {},
): (...args: A) => { value: Tensor; grad: GradResult<N> } {
  return (...args: A) => {
    const argnums = normalizeArgnums('grad', options.argnums ?? 0, args.length);
    const isNested =
      isGradEnabled() && argnums.some((i) => args[i] instanceof Tensor && edgeOf(args[i] as Tensor) !== null);
    const createGraph = options.createGraph ?? isNested;
    let watched: WatchedArgs | undefined;
    const recorded = new Set<GraphNode>();
    let kept: Tensor[] = [];
    try {
      const result = trackingNodes(recorded, () =>
        tidy(() => {
          watched = watchArgs('grad', args, argnums, createGraph);
          const value = withGradMode(true, 'grad', () => f(...(watched!.callArgs as A)));
          checkScalar('grad', value);
          const root = edgeOf(value);
          const found = root
            ? runBackward({
                op: 'grad',
                roots: [value],
                rootGradients: [onesLike(value)],
                targets: watched.targets,
                createGraph,
                retainGraph: createGraph,
              })
            : argnums.map(() => null);
          const grads = distinct(
            found.map((g, k) => g ?? zerosLike(args[argnums[k]] as Tensor)),
            createGraph,
          );
          const valueOut = withGradMode(createGraph, 'grad', () => reshape(value, value.shape));
          const grad = (typeof (options.argnums ?? 0) === 'number' ? grads[0] : grads) as GradResult<N>;
          return { value: valueOut, grad };
        }),
      );
      if (createGraph) kept = [result.value, ...grads(result.grad)];
      return result;
    } finally {
      freeUnreachable(recorded, kept);
      watched?.release();
    }
  };
}

/**
 * Transforms `f` (returning a one-element tensor) into the function computing its gradient with
 * respect to argument `argnums` (default 0; a list gives a list). Compose it for higher
 * derivatives: `grad(grad(f))`.
 *
 * @example
 * const f = (x: Tensor) => sum(mul(x, x));
 * grad(f)(tensor([1, 2, 3])).toArray(); // [2, 4, 6]
 * grad((x: Tensor) => sum(grad(f)(x)))(tensor([1, 2])); // second derivative: [2, 2]
 */
export function grad<A extends unknown[] = Tensor[], N extends number | readonly number[] = number>(
  f: ScalarFunction<A>,
  options: GradOptions<N> = {},
): (...args: A) => GradResult<N> {
  const both = valueAndGrad(f, options);
  return (...args: A) => {
    const { value, grad: gradient } = both(...args);
    value.dispose();
    return gradient;
  };
}

function grads(g: Tensor | Tensor[]): Tensor[] {
  return g instanceof Tensor ? [g] : g;
}

/** Checks that a function's result can seed a gradient: a live float tensor with one element. */
function checkScalar(op: string, value: unknown): asserts value is Tensor {
  if (!(value instanceof Tensor))
    throw new ArgumentError(op, `the function must return a Tensor, got ${typeof value}`);
  checkDifferentiable(op, value, 'the function result');
  if (value.size !== 1) {
    throw new ShapeError(op, 'the function must return a one-element tensor (use vjp for other shapes)', {
      result: value.shape,
    });
  }
}
