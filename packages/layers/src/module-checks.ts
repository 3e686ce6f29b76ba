import { ArgumentError, isFloat, Tensor } from '@nagare/tensor';
import type { AnyModule } from './module';

/** The three kinds of named member a module registers. */
export type MemberKind = 'parameter' | 'buffer' | 'module';

/**
 * Throws unless `name` is non-empty, has no dot (dots separate the levels of a dotted name) and is
 * not already taken by a member of another kind (`taken` says which kinds hold it).
 */
export function checkMemberName(
  op: string,
  name: string,
  kind: MemberKind,
  taken: Record<MemberKind, boolean>,
): void {
  if (typeof name !== 'string' || name.length === 0 || name.includes('.')) {
    throw new ArgumentError(op, `name must be non-empty and contain no ".", got "${name}"`);
  }
  const isTakenElsewhere = (Object.keys(taken) as MemberKind[]).some(
    (other) => other !== kind && taken[other],
  );
  if (isTakenElsewhere)
    throw new ArgumentError(op, `"${name}" is already registered as another kind of member`);
}

/** Throws unless `tensor` is a live Tensor, naming the member it was meant to be. */
export function checkMemberTensor(op: string, name: string, tensor: unknown): asserts tensor is Tensor {
  if (!(tensor instanceof Tensor)) throw new ArgumentError(op, `"${name}" must be a Tensor`);
  if (tensor.isDisposed) throw new ArgumentError(op, `"${name}" is a disposed tensor`);
}

/** A parameter must be a live float leaf tensor: only those can be trained. */
export function checkParameterTensor(name: string, tensor: unknown): asserts tensor is Tensor {
  checkMemberTensor('registerParameter', name, tensor);
  if (!isFloat(tensor.dtype)) {
    throw new ArgumentError(
      'registerParameter',
      `parameter "${name}" must be float32 or float64, got ${tensor.dtype}`,
    );
  }
  if (tensor.gradNode !== null) {
    throw new ArgumentError(
      'registerParameter',
      `parameter "${name}" must be a leaf tensor: detach() or clone it first`,
    );
  }
}

/** A child must be a module (anything with `namedChildren`, so two installed copies still work). */
export function checkChildModule(name: string, module: unknown): asserts module is AnyModule {
  if (typeof (module as Partial<AnyModule> | null)?.namedChildren !== 'function')
    throw new ArgumentError('registerModule', `"${name}" must be a Module`);
}
