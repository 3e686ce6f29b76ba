// Recipe pages: one page per built-in recipe (`nagare train <name>`) and per experiment
// (`nagare experiment <name>`) of the nagare CLI, generated at build time from the CLI's own lists,
// so what is added to the CLI gets its page with the next build. What a recipe teaches comes from
// src/recipes/notes/<name>.md; its plots from the report of a recorded run in
// src/public/recipes/<name>/report.html (see record-recipe.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparisonMarkdown, readComparisons } from './comparison-page.mjs';
import { recordCommand } from './recorded-results.mjs';

const DOCS = fileURLToPath(new URL('..', import.meta.url));
export const GENERATED = join(DOCS, 'src/recipes/generated');
const NOTES = join(DOCS, 'src/recipes/notes');
export const REPORTS = join(DOCS, 'src/public/recipes');

/** The CLI's entry file, resolved through the docs app's dependency on it. */
export function cliPath() {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@nagare/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(dirname(manifestPath), manifest.bin.nagare);
}

function builtCli() {
  const cli = cliPath();
  if (!existsSync(cli))
    throw new Error(
      `docs: the nagare CLI is not built (${cli}); run \`node scripts/pnpm.mjs turbo run build --filter=@nagare/cli...\``,
    );
  return cli;
}

/** The flags `nagare train` accepts (from its --help), so the defaults table names only real ones. */
export function readTrainFlags() {
  const help = execFileSync(process.execPath, [builtCli(), 'train', '--help'], { encoding: 'utf8' });
  return new Set([...help.matchAll(/--[a-z][a-z-]*/g)].map(([flag]) => flag));
}

/** `nagare recipes --json`: name, description and resolved defaults of every recipe. */
export function readRecipes() {
  return JSON.parse(execFileSync(process.execPath, [builtCli(), 'recipes', '--json'], { encoding: 'utf8' }));
}

/**
 * The rows of the table `nagare experiment` prints: a header, a rule of ─, then one
 * "name  description" row per experiment, up to the first blank line.
 */
export function parseExperimentTable(text) {
  const lines = text.split('\n');
  const rule = lines.findIndex((line) => /^─+/.test(line.trim()));
  if (rule < 0) return [];
  const rows = [];
  for (const line of lines.slice(rule + 1)) {
    if (!line.trim()) break;
    const match = /^(\S+)\s{2,}(.+)$/.exec(line.trim());
    if (match) rows.push({ name: match[1], description: match[2].trim() });
  }
  return rows;
}

/** The experiments of `nagare experiment`: from `--json` where the CLI has it, else its table. */
export function readExperiments() {
  const cli = builtCli();
  const json = spawnSync(process.execPath, [cli, 'experiment', '--json'], { encoding: 'utf8' });
  if (json.status === 0) {
    try {
      return JSON.parse(json.stdout).map(({ name, description }) => ({ name, description }));
    } catch {
      // Not JSON: an older CLI printed its table; read that below.
    }
  }
  const table = spawnSync(process.execPath, [cli, 'experiment'], { encoding: 'utf8' });
  if (table.status !== 0) throw new Error(`docs: \`nagare experiment\` failed: ${table.stderr}`);
  return parseExperimentTable(table.stdout);
}

/** A CLI description as the page's opening sentence: capitalized. */
const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1);

const escapeMarkdown = (text) => String(text).replace(/[|<>{}]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The flag a config key is set with (`batchSize` → `--batch-size`). */
const flagOf = (key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * The parts of a recorded report.html worth showing on the page: the headline sentence and every
 * section that holds a chart (the training curves and the recipe's own plots), as trusted HTML
 * written by the CLI's report renderer.
 */
export function reportFigures(html) {
  const headline = /<p class="headline">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? null;
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  const sections = [];
  const parts = html.split(/<h2>/).slice(1);
  for (const part of parts) {
    const end = part.indexOf('</h2>');
    const title = part.slice(0, end);
    const body = part
      .slice(end + 5)
      .replace(/<\/body>[\s\S]*$/, '')
      .trim();
    // Blank lines would end Markdown's raw-HTML block, so the figure must not contain any.
    if (body.includes('<svg')) sections.push({ title, body: body.replace(/\n\s*\n/g, '\n') });
  }
  return { headline, sections, style: scopeReportStyle(css) };
}

// The report's own rules for its charts and tables (not its page layout), limited to the figures.
const FIGURE_SELECTOR = /^(svg|\.charts|figure|figcaption|table|td|th|tr)\b/;

/** The chart and table rules of a report's CSS, each selector prefixed with `.recipe-report`. */
export function scopeReportStyle(css) {
  const rules = [];
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const kept = selectors
      .split(',')
      .map((selector) => selector.trim())
      .filter((selector) => FIGURE_SELECTOR.test(selector));
    if (kept.length > 0)
      rules.push(`${kept.map((selector) => `.recipe-report ${selector}`).join(',')}{${body}}`);
  }
  return rules.join('');
}

/** A default as the table shows it: long fractions shortened, null as "none". */
function formatDefault(value) {
  if (value === null) return 'none';
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Number(value.toPrecision(4)));
  return JSON.stringify(value);
}

function recipePage(recipe, trainFlags) {
  const { name, description, defaults, kind } = recipe;
  // Written as it runs from the repository root with only Node and npm.
  const command = `npm run nagare -- ${kind === 'experiment' ? 'experiment' : 'train'} ${name}`;
  const notesFile = join(NOTES, `${name}.md`);
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8').trim() : null;
  const reportFile = join(REPORTS, name, 'report.html');
  const report = existsSync(reportFile) ? reportFigures(readFileSync(reportFile, 'utf8')) : null;
  const recordedFile = join(REPORTS, name, 'recorded.json');
  const recorded = existsSync(recordedFile) ? JSON.parse(readFileSync(recordedFile, 'utf8')) : null;
  const lines = [
    '---',
    `title: ${name}`,
    'outline: [2, 3]',
    '---',
    '',
    `# ${name}`,
    '',
    `${escapeMarkdown(sentence(description))}.`,
    '',
    '```sh',
    command,
    '```',
    '',
    ...(kind === 'experiment'
      ? [
          'The default size finishes within about ten minutes on two cores with the wasm backend; `--quick` gives a first look, `--full` runs the setting of the source it reproduces (see [against the sources](./comparison)).',
          '',
        ]
      : []),
    '## What it teaches',
    '',
    notes ??
      `${escapeMarkdown(sentence(description))}. Run it and read the plots in the run's \`report.html\`.`,
    '',
    '## Result',
    '',
  ];
  if (report) {
    if (report.headline) lines.push(`::: tip Measured\n${report.headline}\n:::`, '');
    lines.push('<div class="recipe-report" v-pre>');
    for (const section of report.sections) lines.push(`<h3>${section.title}</h3>`, section.body);
    lines.push('</div>', '');
    if (report.style) lines.push(`<style>${report.style}</style>`, '');
    lines.push(
      `The plots come from the \`report.html\` of a recorded run${recorded ? ` (\`${recorded.command}\`, ${String(recorded.date).slice(0, 10)}${recorded.machine ? `, ${recorded.wallSeconds} s on ${recorded.machine.cores} cores of ${recorded.machine.cpu}, ${recorded.machine.note}` : ''})` : ''}: <a href="./${name}/report.html" target="_blank">open the full report</a>. \`${recorded ? recordCommand(name, recorded) : `node scripts/pnpm.mjs --filter docs record-recipe ${name}`}\` runs it again and updates them.`,
      '',
    );
  } else {
    lines.push(
      `No recorded run yet. \`${command}\` writes a run directory whose \`report.html\` has the plots; \`node scripts/pnpm.mjs --filter docs record-recipe ${name}\` runs it and puts them on this page.`,
      '',
    );
  }
  if (!defaults) return `${lines.join('\n')}\n`;
  const settings = Object.entries(defaults).filter(([key]) => !['recipe', 'model'].includes(key));
  lines.push(
    '## Defaults',
    '',
    'Change a default with a flag of `nagare train` or in a [config file](../guide/cli#config-files).',
    '',
    '| setting | default | flag |',
    '|---|---|---|',
  );
  for (const [key, value] of settings) {
    const flag = trainFlags.has(flagOf(key)) ? `\`${flagOf(key)}\`` : 'config file only';
    lines.push(`| ${key} | \`${formatDefault(value)}\` | ${flag} |`);
  }
  if (defaults.model && Object.keys(defaults.model).length > 0) {
    lines.push(
      '',
      `Model options: \`${JSON.stringify(defaults.model)}\` (set them in a config file, see [the CLI](../guide/cli)).`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes one page per recipe and experiment, the two lists the index page includes, and
 * recipes.json for the sidebar.
 */
export function writeRecipePages(recipes = readRecipes(), experiments = readExperiments()) {
  const all = [
    ...recipes.map((recipe) => ({ ...recipe, kind: 'recipe' })),
    ...experiments.map((experiment) => ({ ...experiment, kind: 'experiment' })),
  ];
  const seen = new Set();
  for (const { name } of all) {
    if (seen.has(name))
      throw new Error(`docs: "${name}" is both a recipe and an experiment; their pages would collide`);
    seen.add(name);
  }
  rmSync(GENERATED, { recursive: true, force: true });
  mkdirSync(GENERATED, { recursive: true });
  const trainFlags = readTrainFlags();
  for (const entry of all) writeFileSync(join(GENERATED, `${entry.name}.md`), recipePage(entry, trainFlags));
  const recipeList = [
    '| recipe | what it does | defaults |',
    '|---|---|---|',
    ...recipes.map(
      ({ name, description, defaults }) =>
        `| [${name}](./${name}) | ${escapeMarkdown(description)} | ${defaults.epochs} epochs, ${defaults.optimizer} lr ${defaults.lr}, batch ${defaults.batchSize} |`,
    ),
  ];
  const experimentList = [
    '| experiment | what it shows |',
    '|---|---|',
    ...experiments.map(
      ({ name, description }) => `| [${name}](./${name}) | ${escapeMarkdown(description)} |`,
    ),
  ];
  writeFileSync(join(GENERATED, 'list.md'), `${recipeList.join('\n')}\n`);
  writeFileSync(join(GENERATED, 'experiments.md'), `${experimentList.join('\n')}\n`);
  const experimentNames = experiments.map(({ name }) => name);
  writeFileSync(
    join(GENERATED, 'comparison.md'),
    comparisonMarkdown(readComparisons(REPORTS, experimentNames)),
  );
  writeFileSync(
    join(GENERATED, 'recipes.json'),
    JSON.stringify(all.map(({ name, description, kind }) => ({ name, description, kind }))),
  );
  return all.map((entry) => entry.name);
}
