import type { Tensor } from '@nagare/tensor';
import type { AnyModule } from './module';

/** A member's dotted name: `features.0` + `weight` → `features.0.weight` (no dot at the root). */
export function joinName(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

/**
 * `root` (named `prefix`) and every descendant by dotted path, parents first, children in
 * registration order. A module reachable twice (weight tying) appears once, under its first path.
 */
export function walkModules(root: AnyModule, prefix: string): [string, AnyModule][] {
  const seen = new Set<AnyModule>();
  const result: [string, AnyModule][] = [];
  const visit = (path: string, module: AnyModule): void => {
    if (seen.has(module)) return;
    seen.add(module);
    result.push([path, module]);
    for (const [name, child] of module.namedChildren()) visit(joinName(path, name), child);
  };
  visit(prefix, root);
  return result;
}

/** The tensors `members` gives for each of `modules`, by dotted name; a shared tensor appears once. */
export function collectNamed(
  modules: readonly (readonly [string, AnyModule])[],
  members: (module: AnyModule) => ReadonlyMap<string, Tensor>,
): [string, Tensor][] {
  const seen = new Set<Tensor>();
  const result: [string, Tensor][] = [];
  for (const [path, module] of modules) {
    for (const [name, tensor] of members(module)) {
      if (seen.has(tensor)) continue;
      seen.add(tensor);
      result.push([joinName(path, name), tensor]);
    }
  }
  return result;
}
