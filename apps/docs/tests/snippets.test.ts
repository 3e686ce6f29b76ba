// Every ```ts block of the guide is compiled with tsc against the packages' published entry points
// (their built type declarations), and run unless it is marked `ts no-run`, so the guide's code
// cannot drift from the API.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createJsBackend, useBackend } from '@nagare/tensor';
import ts from 'typescript';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { extractSnippets } from './snippets';

const DOCS = fileURLToPath(new URL('..', import.meta.url));
// Inside the docs app, so `@nagare/*` resolves through its node_modules like a user's project.
const OUT = join(DOCS, '.snippets');
const snippets = extractSnippets(join(DOCS, 'src'));
const fileOf = (id: string) => join(OUT, `${id.replace(/[/.:]/g, '_')}.ts`);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const snippet of snippets) writeFileSync(fileOf(snippet.id), snippet.code);

const config = ts.getParsedCommandLineOfConfigFile(
  join(DOCS, 'tsconfig.snippets.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
);
if (!config) throw new Error('tsconfig.snippets.json could not be read');
const program = ts.createProgram(
  snippets.map((s) => fileOf(s.id)),
  config.options,
);

function diagnosticsOf(file: string): string[] {
  const source = program.getSourceFile(file);
  if (!source) return [`${file} is not part of the program`];
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
    const { line } =
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0 };
    return `line ${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

const workDir = mkdtempSync(join(tmpdir(), 'nagare-snippets-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
// A snippet that installs (and destroys) a backend must not leave it to the next one.
afterEach(() => useBackend(createJsBackend()));

describe('guide code blocks', () => {
  test('the guide has code blocks to check', () => {
    expect(snippets.length).toBeGreaterThan(20);
  });

  for (const snippet of snippets) {
    test(`${snippet.id} type-checks`, () => {
      expect(diagnosticsOf(fileOf(snippet.id))).toEqual([]);
    });
    // `ts no-run` blocks (browser-only code, long trainings) are type-checked only.
    if (!snippet.shouldRun) continue;
    test(`${snippet.id} runs`, async () => {
      // Files a snippet writes (checkpoints, safetensors) land in a scratch directory.
      const previous = process.cwd();
      process.chdir(workDir);
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      try {
        await import(pathToFileURL(fileOf(snippet.id)).href);
      } finally {
        log.mockRestore();
        process.chdir(previous);
      }
    });
  }
});
