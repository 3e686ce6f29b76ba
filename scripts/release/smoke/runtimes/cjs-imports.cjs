// Runtime matrix: loads every entry point of every installed nagare package with require() and
// checks that it exposes the same names as the ES module entry (the "require" and "import"
// conditions of each exports map point at different files).
const { readFileSync } = require('node:fs');

async function main() {
  const specifiers = JSON.parse(readFileSync('entry-points.json', 'utf8'));
  let exported = 0;
  for (const specifier of specifiers) {
    const required = Object.keys(require(specifier)).sort();
    const imported = Object.keys(await import(specifier))
      .filter((name) => name !== 'default' && name !== 'module.exports')
      .sort();
    if (required.length === 0) throw new Error(`require('${specifier}') exports nothing`);
    const onlyOne = [
      ...required.filter((name) => !imported.includes(name)),
      ...imported.filter((name) => !required.includes(name)),
    ];
    if (onlyOne.length > 0) throw new Error(`${specifier}: require and import differ in [${onlyOne}]`);
    exported += required.length;
  }
  console.log(`require: ${specifiers.length} entry points, ${exported} exports, the same as import`);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
