#!/usr/bin/env node
// Records a run of a recipe or an experiment for its docs page:
//   node scripts/pnpm.mjs --filter docs record-recipe <name> [flags for nagare train / nagare experiment]
// runs it with the nagare CLI and keeps the run's report.html in src/public/recipes/<name>/, whose
// headline and plots the page then shows. Commit the report with the change.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, REPORTS, readExperiments } from './recipes.mjs';

const [name, ...flags] = process.argv.slice(2);
if (!name) {
  console.error('usage: record-recipe <recipe|experiment> [flags…]');
  process.exit(2);
}
const command = readExperiments().some((experiment) => experiment.name === name) ? 'experiment' : 'train';
const out = mkdtempSync(join(tmpdir(), `nagare-record-${name}-`));
try {
  const run = spawnSync(process.execPath, [cliPath(), command, name, '--out', join(out, 'run'), ...flags], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  mkdirSync(join(REPORTS, name), { recursive: true });
  copyFileSync(join(out, 'run', 'report.html'), join(REPORTS, name, 'report.html'));
  // What produced the report, for the page to say.
  const recorded = {
    command: ['nagare', command, name, ...flags].join(' '),
    date: new Date().toISOString().slice(0, 10),
  };
  writeFileSync(join(REPORTS, name, 'recorded.json'), `${JSON.stringify(recorded, null, 2)}\n`);
  console.log(`recorded ${join(REPORTS, name, 'report.html')}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
