// What produced a recorded report, for recorded.json: enough to rerun it and to judge its timings.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { experimentSourceFiles, experimentSourceHash, experimentsDir } from './experiment-sources.mjs';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

function git(args) {
  try {
    return execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** The size a command runs at: `nagare experiment x --full` → full. */
export function sizeOf(command) {
  if (/(^| )--full( |$)/.test(command)) return 'full';
  if (/(^| )--quick( |$)/.test(command)) return 'quick';
  return 'default';
}

/**
 * recorded.json's provenance of a run: the exact command and size, the nagare version and git
 * commit (with whether the experiment's files differed from it), the date, the machine (cores, CPU
 * model, 1-minute load average when it started, a note such as "shared") and the wall time; for an experiment also
 * the hash and list of its source files.
 */
export function provenance({ name, command, seconds, note, loadAtStart }) {
  const version = JSON.parse(readFileSync(join(REPO, 'packages/nagare/package.json'), 'utf8')).version;
  const files = experimentSourceFiles(name);
  const changed = files
    ? git(['status', '--porcelain', '--', ...files.map((file) => join(experimentsDir(), file))])
    : git(['status', '--porcelain']);
  const processors = cpus();
  return {
    command,
    size: sizeOf(command),
    nagareVersion: version,
    commit: git(['rev-parse', 'HEAD']),
    uncommittedChanges: Boolean(changed),
    date: new Date().toISOString(),
    machine: {
      cores: processors.length,
      cpu: processors[0]?.model ?? 'unknown',
      loadAverageAtStart: Number((loadAtStart ?? loadavg()[0]).toFixed(2)),
      note: note ?? 'not shared',
    },
    wallSeconds: Math.round(seconds),
    ...(files ? { sourceHash: experimentSourceHash(name), sourceFiles: files } : {}),
  };
}
