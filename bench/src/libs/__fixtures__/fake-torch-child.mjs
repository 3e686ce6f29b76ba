// A stand-in for bench/python/torch_bench.py that speaks its protocol without torch: every run
// takes 0.25 ms by its "own clock". `prepare` echoes what it was sent, so tests can check it.
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const cases = new Map();
let nextId = 1;

function handle(request) {
  switch (request.op) {
    case 'hello':
      return { torch: '0.0-fake', python: 'none', threads: Number(process.argv[2] ?? 1), blasLibrary: null };
    case 'prepare': {
      if (request.spec.suite === 'crash') process.exit(3);
      const id = nextId++;
      const path = request.data?.path;
      const bytes = path && existsSync(path) ? readFileSync(path).length : 0;
      cases.set(id, { spec: request.spec, arrays: request.data?.arrays ?? [], bytes });
      return { case: id, bytes, arrays: request.data?.arrays ?? [] };
    }
    case 'run':
      if (!cases.has(request.case)) throw new Error(`KeyError: ${request.case}`);
      return { seconds: 0.00025 * request.count };
    case 'dispose':
      cases.delete(request.case);
      return {};
    default:
      throw new Error(`ValueError: unknown request '${request.op}'`);
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  let reply;
  try {
    reply = { ok: true, ...handle(JSON.parse(line)) };
  } catch (error) {
    reply = { ok: false, error: error.message };
  }
  process.stdout.write(`${JSON.stringify(reply)}\n`);
});
