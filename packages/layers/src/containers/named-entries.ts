import { ArgumentError } from '@nagare/tensor';

/** Named modules as containers take them: `[name, module]` pairs, a Map, or a plain object. */
export type NamedModules<M> = Iterable<readonly [string, M]> | Record<string, M>;

/**
 * The `[name, module]` entries of `Sequential.named`'s or `ModuleDict`'s argument, in the order
 * they were given. An object may not have integer-like keys ('0', '12'): JavaScript lists those
 * before every other key, in numeric order, so the modules would not come out in the order
 * written; pairs and Maps keep any order.
 */
export function namedEntries<M>(
  op: string,
  noun: string,
  modules: NamedModules<M>,
): (readonly [string, M])[] {
  if (modules === null || typeof modules !== 'object')
    throw new ArgumentError(op, `expected [name, ${noun}] pairs, a Map or an object, got ${String(modules)}`);
  if (typeof (modules as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') {
    const entries = Object.entries(modules as Record<string, M>);
    const integerLike = entries.map(([name]) => name).filter(isArrayIndex);
    if (integerLike.length > 0) {
      throw new ArgumentError(
        op,
        `${noun} names ${integerLike.map((name) => `"${name}"`).join(', ')} look like integers, and JavaScript lists such object keys first, in numeric order, not in the order written; pass [name, ${noun}] pairs or a Map instead`,
      );
    }
    return entries;
  }
  return [...(modules as Iterable<unknown>)].map((entry, i) => {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') {
      throw new ArgumentError(op, `entry ${i} must be a [name, ${noun}] pair`);
    }
    return entry as [string, M];
  });
}

// An array index ('0' … '4294967294' written canonically): the keys an object lists first.
function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}
