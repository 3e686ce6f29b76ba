// Prints the import cycles among a package's source files (tests excluded), from the TypeScript
// import graph: each strongly connected component of more than one file, with its size. Two
// graphs are measured: every import, and value imports only (`import type` is erased at runtime,
// so only value imports decide module evaluation order).
//
//   node packages/tensor/scripts/import-cycles.mjs [packages/tensor/src]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '../src'));

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__fixtures__' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return null;
}

/** Edges from `file`: `{ to, isTypeOnly }` for each relative import or re-export. */
function importsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const edges = [];
  for (const statement of source.statements) {
    const isImport = ts.isImportDeclaration(statement);
    if (!isImport && !ts.isExportDeclaration(statement)) continue;
    if (!statement.moduleSpecifier) continue;
    const to = resolveImport(file, statement.moduleSpecifier.text);
    if (!to) continue;
    const clause = isImport ? statement.importClause : statement;
    let isTypeOnly = Boolean(clause?.isTypeOnly);
    // `import { type A, type B }`: every named binding is a type, so the import is erased.
    const bindings = isImport ? clause?.namedBindings : statement.exportClause;
    if (!isTypeOnly && bindings && ts.isNamedImports?.(bindings) && !clause.name)
      isTypeOnly = bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
    if (!isTypeOnly && bindings && ts.isNamedExports(bindings))
      isTypeOnly = bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
    edges.push({ to, isTypeOnly });
  }
  return edges;
}

/** Tarjan's strongly connected components of `graph` (file → files). */
function components(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const result = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      result.push(component);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return result;
}

const files = sourceFiles(root);
const edges = new Map(files.map((file) => [file, importsOf(file)]));
for (const [label, keep] of [
  ['all imports', () => true],
  ['value imports', (edge) => !edge.isTypeOnly],
]) {
  const graph = new Map(
    files.map((file) => [
      file,
      edges
        .get(file)
        .filter(keep)
        .map((edge) => edge.to),
    ]),
  );
  const cycles = components(graph).filter((component) => component.length > 1);
  const sizes = cycles.map((component) => component.length).sort((a, b) => b - a);
  console.log(`${label}: ${cycles.length} cycle(s) among ${files.length} files; sizes [${sizes.join(', ')}]`);
  if (process.argv.includes('--list'))
    for (const component of cycles)
      console.log(
        `  ${component
          .map((file) => relative(root, file))
          .sort()
          .join(' ')}`,
      );
}
