// The recorded reports the recipe pages show must come from the current code: an experiment's
// recorded.json holds the hash of its source when it was recorded (scripts/experiment-sources.mjs
// says which files), and a report whose experiment has changed since must be recorded again.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { comparisonMarkdown } from '../scripts/comparison-page.mjs';
import { experimentSourceFiles, experimentSourceHash } from '../scripts/experiment-sources.mjs';
import { REPORTS } from '../scripts/recipes.mjs';
import { staleReports } from '../scripts/recorded-results.mjs';

describe('experimentSourceHash', () => {
  const root = mkdtempSync(join(tmpdir(), 'nagare-experiment-sources-'));
  mkdirSync(join(root, 'demo'));
  mkdirSync(join(root, 'support'));
  mkdirSync(join(root, 'other'));
  writeFileSync(join(root, 'experiment.ts'), 'export const defineExperiment = (e) => e;\n');
  writeFileSync(join(root, 'support', 'smooth.ts'), 'export const smooth = 1;\n');
  writeFileSync(join(root, 'support', 'unused.ts'), 'export const unused = 1;\n');
  writeFileSync(join(root, 'other', 'other.ts'), "import { smooth } from '../support/smooth';\n");
  writeFileSync(
    join(root, 'demo', 'demo.ts'),
    "import { defineExperiment } from '../experiment';\nimport { x } from './steps';\nimport { f } from '../../report/table';\n",
  );
  writeFileSync(join(root, 'demo', 'steps.ts'), "export { smooth } from '../support/smooth';\n");
  writeFileSync(join(root, 'demo', 'demo.test.ts'), "import { unused } from '../support/unused';\n");

  test('covers the folder and the shared files it imports, not tests or files outside the experiments', () => {
    expect(experimentSourceFiles('demo', root)).toEqual([
      'demo/demo.ts',
      'demo/steps.ts',
      'experiment.ts',
      'support/smooth.ts',
    ]);
    expect(experimentSourceFiles('mnist-mlp', root)).toBeNull();
  });

  test('changes when a shared file the experiment imports changes, and only then', () => {
    const before = experimentSourceHash('demo', root);
    writeFileSync(join(root, 'support', 'unused.ts'), 'export const unused = 2;\n');
    writeFileSync(join(root, 'demo', 'demo.test.ts'), '// a test changed\n');
    expect(experimentSourceHash('demo', root)).toBe(before);
    writeFileSync(join(root, 'support', 'smooth.ts'), 'export const smooth = 2;\n');
    expect(experimentSourceHash('demo', root)).not.toBe(before);
  });
});

describe('staleReports', () => {
  const record = (sourceHash: string | null) => ({ command: 'nagare experiment demo --full', sourceHash });

  test('names a report whose source hash differs, with the command that records it again', () => {
    const stale = staleReports([{ name: 'demo', recorded: record('sha256:old') }], () => 'sha256:new');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toContain('"demo"');
    expect(stale[0]).toContain('node scripts/pnpm.mjs --filter docs record-recipe demo --full');
  });

  test('accepts a matching hash and a recipe (no experiment source), and rejects a missing hash', () => {
    expect(staleReports([{ name: 'demo', recorded: record('sha256:a') }], () => 'sha256:a')).toEqual([]);
    expect(staleReports([{ name: 'mnist-mlp', recorded: record(null) }], () => null)).toEqual([]);
    expect(staleReports([{ name: 'demo', recorded: record(null) }], () => 'sha256:a')).toHaveLength(1);
  });
});

test('every recorded experiment report was made by its current source (else re-record it)', () => {
  const reports = readdirSync(REPORTS)
    .filter((name) => existsSync(join(REPORTS, name, 'recorded.json')))
    .map((name) => ({
      name,
      recorded: JSON.parse(readFileSync(join(REPORTS, name, 'recorded.json'), 'utf8')),
    }));
  expect(reports.length).toBeGreaterThan(0);
  const stale = staleReports(reports, (name) => experimentSourceHash(name));
  expect(stale, stale.join('\n')).toEqual([]);
});

test('every recorded experiment report states its provenance', () => {
  for (const name of readdirSync(REPORTS)) {
    const file = join(REPORTS, name, 'recorded.json');
    if (!existsSync(file) || experimentSourceHash(name) === null) continue;
    const recorded = JSON.parse(readFileSync(file, 'utf8'));
    for (const key of ['command', 'size', 'nagareVersion', 'commit', 'date', 'machine', 'wallSeconds'])
      expect(recorded, `${name}/recorded.json lacks ${key}`).toHaveProperty(key);
    expect(recorded.machine, `${name}/recorded.json machine`).toMatchObject({
      cores: expect.any(Number),
      cpu: expect.any(String),
      note: expect.any(String),
    });
    expect(recorded.comparison, `${name}/recorded.json lacks the comparison with its source`).toBeDefined();
  }
});

describe('the against-the-sources page', () => {
  const comparison = {
    citation: 'LeCun et al. (1998)',
    setting: 'all 60,000 digits',
    figure: '99.05%',
    size: 'full',
    follows_source: true,
    measured: 'LeNet-5 99.12%',
    agrees: true,
    criterion: 'agrees at 99.00% or more',
  };

  test('sets the source figure beside the measured one, with agree / differ and why', () => {
    const page = comparisonMarkdown([
      {
        name: 'cnn-zoo',
        recorded: { command: 'nagare experiment cnn-zoo --full', date: '2026-12-07T13:00:00Z', comparison },
      },
      {
        name: 'batchnorm',
        recorded: {
          command: 'nagare experiment batchnorm',
          date: '2026-12-07',
          comparison: {
            ...comparison,
            size: 'default',
            follows_source: false,
            agrees: false,
            measured: '3 of 16',
          },
        },
      },
      { name: 'selu-snn', recorded: null },
    ]);
    expect(page).toContain(
      "| [cnn-zoo](./cnn-zoo) | LeCun et al. (1998): 99.05% | LeNet-5 99.12% | **agrees** | meets the criterion: agrees at 99.00% or more; run at the source's setting (full size) | `nagare experiment cnn-zoo --full`, 2026-12-07 |",
    );
    expect(page).toContain(
      '| **differs** | misses the criterion: agrees at 99.00% or more; run at the default size, smaller than the source',
    );
    expect(page).toContain('| [selu-snn](./selu-snn) | — | — | not recorded yet |');
  });
});
