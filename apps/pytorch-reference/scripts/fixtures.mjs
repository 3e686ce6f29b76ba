#!/usr/bin/env node
// Regenerates fixtures/*.json with PyTorch: `npm run fixtures`. Uses $PYTHON, else Debian's
// /usr/bin/python3 (a pyenv or venv python3 on PATH usually has no torch), and says so plainly
// when torch is missing instead of failing with a Python traceback.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  console.error(
    `fixtures: PyTorch is not available to ${python}.\n` +
      "Install Debian's (apt-get install -y python3-torch libopenblas0-pthread) or point PYTHON at a python with torch.\n" +
      'The committed fixtures still run: the test suite itself needs no Python.',
  );
  process.exit(1);
}
console.log(`fixtures: generating with ${python}, torch ${probe.stdout.trim()}`);
const run = spawnSync(python, [join(import.meta.dirname, 'generate_fixtures.py')], { stdio: 'inherit' });
process.exit(run.status ?? 1);
