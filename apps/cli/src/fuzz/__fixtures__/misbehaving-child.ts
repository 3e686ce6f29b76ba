// A fuzz worker that misbehaves on purpose, for harness.test.ts: case 1 hangs, case 3 grows its
// resident set past any small budget, case 5 throws an untyped error, case 7 kills its process.
// Every other case reports a typed error.
const [, , start, end] = process.argv.slice(2);

for (let index = Number(start); index < Number(end); index++) {
  if (index === 1) for (;;);
  if (index === 3) {
    const held: Uint8Array[] = [];
    for (;;) held.push(new Uint8Array(128 * 2 ** 20).fill(1));
  }
  if (index === 7) process.exit(9);
  const outcome = index === 5 ? 'untyped' : 'typed';
  process.stdout.write(
    `${JSON.stringify({ index, outcome, detail: index === 5 ? 'TypeError: x' : undefined })}\n`,
  );
}
