// Bad input: usage with the nearest match, one-line errors, exit code 2. Two cases run in child
// processes (the real exit code and streams); the rest call runCli in-process, the same code path.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runInProcess } from './test-support/run-in-process';
import { runNagare } from './test-support/run-nagare';
import { makeTempDir } from './test-support/temp-dir';

const work = makeTempDir('nagare-cli-errors-');
const nagare = (...args: string[]) => runInProcess(args);
const nagareProcess = (...args: string[]) => runNagare(args, work);

/** A user error prints exactly one line (no stack trace) and exits with 2. */
function expectOneLineError(
  result: { code: number | null; stderr: string; stdout: string },
  pattern: RegExp,
) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

test('an unknown command prints the nearest command and the usage, exit 2', async () => {
  const result = await nagareProcess('trian', 'mnist-mlp');
  expect(result.code).toBe(2);
  expect(result.stderr).toContain("unknown command 'trian'");
  expect(result.stderr).toContain('(Did you mean train?)');
  expect(result.stderr).toContain('Usage: nagare');
});

test('an unknown flag prints the nearest flag and the command usage, exit 2', async () => {
  const result = await nagare('train', 'mnist-mlp', '--epoch', '3');
  expect(result.code).toBe(2);
  expect(result.stderr).toContain("unknown option '--epoch'");
  expect(result.stderr).toContain('(Did you mean --epochs?)');
  expect(result.stderr).toContain('Usage: nagare train');
});

test('a bad flag value is a usage error', async () => {
  const result = await nagare('train', 'mnist-mlp', '--batch-size', 'lots');
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('expected an integer from 1 to 65,536');
});

test('an out-of-range number is one line pointing to --help, not the whole usage', async () => {
  for (const [flag, value] of [
    ['--epochs', '1e20'],
    ['--batch-size', '1000000000000'],
    ['--threads', '100000'],
    ['--epochs', '2.5'],
  ]) {
    const result = await nagare('train', 'mnist-mlp', flag, value);
    expectOneLineError(
      result,
      new RegExp(`'${flag} <\\w+>' argument '${value.replace('.', '\\.')}' is invalid`),
    );
    expect(result.stderr).toMatch(/\(see `(nagare|npm run nagare --) train --help`\)$/m);
  }
});

test('export --help marks its required options, and a missing one is a one-line error', async () => {
  const help = await nagare('export', '--help');
  expect(help.stdout).toMatch(/--format <format> +file format \(required\)/);
  expect(help.stdout).toMatch(/--out <path> +where to write the model, a directory for pytorch\s+\(required\)/);
  expectOneLineError(await nagare('export', 'runs/x', '--format', 'onnx'), /required option '--out <path>'/);
});

test('a corrupt checkpoint is one line naming the file and the problem, exit 2', async () => {
  const path = join(work, 'corrupt.safetensors');
  writeFileSync(path, Buffer.from([200, 0, 0, 0, 0, 0, 0, 0, 123, 34]));
  expectOneLineError(
    await nagareProcess('eval', path),
    new RegExp(`^nagare: ${path}: not a valid checkpoint`),
  );
  expectOneLineError(await nagare('inspect', path), new RegExp(`^nagare: ${path}: `));
});

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The five commands that read a run or a checkpoint, pointed at `target`. */
const readersOf = (target: string) => [
  ['eval', target],
  ['inspect', target],
  ['predict', target, '1,2'],
  ['export', target, '--format', 'onnx', '--out', join(work, 'never.onnx')],
];

test('a missing path reads the same in eval, inspect, predict, export and train --resume', async () => {
  const missing = join(work, 'no-run');
  const expected = new RegExp(`^nagare: ${escaped(missing)}: no such file or directory$`, 'm');
  for (const args of [...readersOf(missing), ['train', '--resume', missing]])
    expectOneLineError(await nagare(...args), expected);
  const file = join(work, 'nope.safetensors');
  for (const args of readersOf(file))
    expectOneLineError(
      await nagare(...args),
      new RegExp(`^nagare: ${escaped(file)}: no such file or directory$`, 'm'),
    );
});

test('a corrupt checkpoint reads the same in eval, inspect, predict, export and train --resume', async () => {
  const run = join(work, 'corrupt-run');
  const last = join(run, 'checkpoints', 'last.safetensors');
  mkdirSync(join(run, 'checkpoints'), { recursive: true });
  writeFileSync(join(run, 'config.json'), '{"recipe": "spiral-mlp"}');
  writeFileSync(last, Buffer.from([200, 0, 0, 0, 0, 0, 0, 0, 123, 34]));
  const expected = new RegExp(`^nagare: ${escaped(last)}: not a valid checkpoint \\(`);
  for (const args of [...readersOf(run), ['train', '--resume', run]])
    expectOneLineError(await nagare(...args), expected);
  expect(readFileSync(join(run, 'config.json'), 'utf8')).toBe('{"recipe": "spiral-mlp"}');
});

test('a run directory without checkpoints says so, and resume names what it looked for', async () => {
  const empty = join(work, 'empty-run');
  mkdirSync(empty, { recursive: true });
  for (const args of readersOf(empty))
    expectOneLineError(await nagare(...args), /empty-run: not a run directory/);
  expectOneLineError(
    await nagare('train', '--resume', empty),
    /empty-run: nothing to resume: no checkpoints/,
  );
});

test('a missing or corrupt config file is one line naming it, exit 2', async () => {
  expectOneLineError(
    await nagare('train', join(work, 'missing.json')),
    /missing\.json: no such file or directory$/m,
  );
  const broken = join(work, 'broken.json');
  writeFileSync(broken, '{"recipe": "mnist-mlp", "epochs": }');
  expectOneLineError(await nagare('train', broken), /broken\.json: not valid JSON/);
  const typo = join(work, 'typo.json');
  writeFileSync(typo, '{"recipe": "mnist-mlp", "epoch": 2}');
  expectOneLineError(
    await nagare('train', typo),
    /typo\.json: unknown key "epoch" \(did you mean epochs\?\)/,
  );
});

test('an unknown recipe suggests the nearest, exit 2', async () => {
  expectOneLineError(
    await nagare('train', 'mnist-mpl'),
    /mnist-mpl: unknown recipe \(did you mean mnist-mlp\?\)/,
  );
});

test('--verbose adds the stack trace to a user error', async () => {
  const result = await nagare('train', join(work, 'missing.json'), '--verbose');
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/\n\s+at /);
});

test('--help lists every command and exits 0', async () => {
  const result = await nagare('--help');
  expect(result.code).toBe(0);
  for (const command of ['train', 'eval', 'predict', 'tune', 'inspect', 'bench', 'recipes']) {
    expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  }
});
