// Runtime matrix: imports every entry point of every installed nagare package as an ES module. The
// matrix writes the list of entry points (from the packed package.json files) to entry-points.json.
import { readFileSync } from 'node:fs';

const specifiers = JSON.parse(readFileSync('entry-points.json', 'utf8'));
let exported = 0;
for (const specifier of specifiers) {
  const names = Object.keys(await import(specifier)).filter((name) => name !== 'default');
  if (names.length === 0) throw new Error(`import('${specifier}') exports nothing`);
  exported += names.length;
}
console.log(`import: ${specifiers.length} entry points, ${exported} exports`);
