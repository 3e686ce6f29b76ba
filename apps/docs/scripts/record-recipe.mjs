#!/usr/bin/env node
// Records a run of a recipe or an experiment for its docs page:
//   node scripts/pnpm.mjs --filter docs record-recipe <name> [--quick | --full] [--note "<machine note>"] [flags…]
// runs it with the nagare CLI, keeps the run's report.html in src/public/recipes/<name>/, whose
// headline and plots the page then shows, and writes recorded.json beside it with the provenance
// (see provenance.mjs): the exact command, version, commit, date, machine and wall time, and for an
// experiment the hash of its source that tests/recorded-results.test.ts checks. Commit both files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { experimentSourceHash } from './experiment-sources.mjs';
import { provenance } from './provenance.mjs';
import { cliPath, REPORTS, readExperiments } from './recipes.mjs';

const [name, ...rest] = process.argv.slice(2);
if (!name) {
  console.error(
    'usage: record-recipe <recipe|experiment> [--quick | --full] [--note "<machine note>"] [flags…]',
  );
  process.exit(2);
}
// --note is for recorded.json (e.g. "shared with other jobs"), not for the CLI.
const noteAt = rest.indexOf('--note');
const note = noteAt >= 0 ? rest[noteAt + 1] : undefined;
const flags = noteAt >= 0 ? rest.filter((_, index) => index !== noteAt && index !== noteAt + 1) : rest;
const command = readExperiments().some((experiment) => experiment.name === name) ? 'experiment' : 'train';
const out = mkdtempSync(join(tmpdir(), `nagare-record-${name}-`));
try {
  const loadAtStart = loadavg()[0];
  // The hash of the code that ran: an edit during a long run would make the record claim code it did not run.
  const hashAtStart = experimentSourceHash(name);
  const started = performance.now();
  const run = spawnSync(process.execPath, [cliPath(), command, name, '--out', join(out, 'run'), ...flags], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const seconds = (performance.now() - started) / 1000;
  if (experimentSourceHash(name) !== hashAtStart) {
    throw new Error(
      `record-recipe: the source of ${name} changed while it ran; nothing recorded, run it again`,
    );
  }
  mkdirSync(join(REPORTS, name), { recursive: true });
  copyFileSync(join(out, 'run', 'report.html'), join(REPORTS, name, 'report.html'));
  const metrics = readFileSync(join(out, 'run', 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n');
  const result = JSON.parse(metrics.at(-1)).result ?? {};
  const recorded = provenance({
    name,
    command: ['nagare', command, name, ...flags].join(' '),
    seconds,
    note,
    loadAtStart,
  });
  if (result.comparison) recorded.comparison = result.comparison;
  writeFileSync(join(REPORTS, name, 'recorded.json'), `${JSON.stringify(recorded, null, 2)}\n`);
  console.log(`recorded ${join(REPORTS, name, 'report.html')} (${Math.round(seconds)} s)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
