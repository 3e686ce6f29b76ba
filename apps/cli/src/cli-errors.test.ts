// Bad input: usage with the nearest match, one-line errors, exit code 2. Two cases run in child
// processes (the real exit code and streams); the rest call runCli in-process, the same code path.
import { writeFileSync } from 'node:fs';
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
  expect(help.stdout).toMatch(/--out <file> +where to write the model \(required\)/);
  expectOneLineError(await nagare('export', 'runs/x', '--format', 'onnx'), /required option '--out <file>'/);
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

test('a missing checkpoint or run directory is one line, exit 2', async () => {
  expectOneLineError(await nagare('eval', join(work, 'nope.safetensors')), /nope\.safetensors: no such file/);
  expectOneLineError(await nagare('train', '--resume', join(work, 'no-run')), /no-run: nothing to resume/);
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
