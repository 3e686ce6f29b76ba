// The "against the sources" page: for each experiment, the source's figure next to the figure
// nagare measured in its recorded run, with agree / differ and why, all read from the recorded
// reports' recorded.json (written by record-recipe.mjs from the run itself), never typed by hand.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const cell = (text) =>
  String(text)
    .replace(/[|<>{}]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\n/g, ' ');

/** Why a recorded run agrees or differs: the criterion it met or missed, and whether it was scaled down. */
export function comparisonReason(comparison) {
  const verdict = `${comparison.agrees ? 'meets' : 'misses'} the criterion: ${comparison.criterion}`;
  if (comparison.follows_source) return `${verdict}; run at the source's setting (${comparison.size} size)`;
  return `${verdict}; run at the ${comparison.size} size, smaller than the source's setting`;
}

/** The page's Markdown from `{ name, recorded }` entries (recorded is null where nothing is recorded). */
export function comparisonMarkdown(entries) {
  const rows = entries.map(({ name, recorded }) => {
    const comparison = recorded?.comparison;
    if (!comparison) {
      const state = recorded ? 'recorded before comparisons were kept' : 'not recorded yet';
      return `| [${name}](./${name}) | — | — | ${state} | — | — |`;
    }
    const run = `\`${cell(recorded.command)}\`, ${String(recorded.date).slice(0, 10)}`;
    return `| [${name}](./${name}) | ${cell(comparison.citation)}: ${cell(comparison.figure)} | ${cell(comparison.measured)} | ${comparison.agrees ? '**agrees**' : '**differs**'} | ${cell(comparisonReason(comparison))} | ${run} |`;
  });
  return [
    '---',
    'title: Against the sources',
    '---',
    '',
    '# Against the sources',
    '',
    "Each experiment reproduces a published result. This table sets the source's figure next to the figure nagare measured in the run recorded on the experiment's page, and says whether they agree by the criterion each experiment states. It is generated from the recorded runs (`src/public/recipes/<name>/recorded.json`), so it changes only when a run is recorded again; a test fails when an experiment's code has changed since its run was recorded.",
    '',
    '| experiment | source and its figure | measured by nagare | result | why | recorded run |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** The entries of the page: every experiment with its recorded.json, if any. */
export function readComparisons(reportsDir, experimentNames) {
  return experimentNames.map((name) => {
    const file = join(reportsDir, name, 'recorded.json');
    return { name, recorded: existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null };
  });
}
