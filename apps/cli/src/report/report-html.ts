import type { TrainConfig } from '../config/train-config';
import type { EpochRow, TestRow } from '../training/metrics-row';
import { formatDuration, formatNumber, percent } from '../util/format';
import { lineChart } from './line-chart';
import { PAGE_STYLE as STYLE } from './page-style';
import { escapeHtml } from './svg';

/** A recipe's own part of the report: a heading, an SVG (or small HTML table) and a caption. */
export interface ReportSection {
  title: string;
  /** Trusted markup produced by the report helpers (SVG or a table); never user text. */
  html: string;
  caption?: string;
}

/** Everything `renderReport` puts on the page. */
export interface ReportContent {
  recipe: { name: string; description: string };
  config: TrainConfig;
  epochs: readonly EpochRow[];
  test: TestRow | null;
  sections: readonly ReportSection[];
  /** Why training ended early (Ctrl-C, early stopping, NaN guard), if it did. */
  stopReason?: string | null;
  parameterCount: number;
  createdAt: Date;
}

function headline(content: ReportContent): string {
  const last = content.epochs.at(-1);
  const trained = `${content.recipe.name} trained for ${content.epochs.length} epoch${content.epochs.length === 1 ? '' : 's'}`;
  const time = formatDuration(content.epochs.reduce((total, row) => total + row.seconds, 0));
  if (content.test) {
    return `${trained} (${time}) and reached ${percent(content.test.test_acc ?? undefined)} test accuracy (test loss ${formatNumber(content.test.test_loss)}) on ${content.test.test_samples.toLocaleString('en-US')} test samples.`;
  }
  if (last) return `${trained} (${time}); last validation accuracy ${percent(last.val_acc ?? undefined)}.`;
  return `${content.recipe.name}: no epoch finished.`;
}

function table(rows: readonly [string, string][]): string {
  const body = rows
    .map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  return `<table>${body}</table>`;
}

function epochTable(epochs: readonly EpochRow[]): string {
  const header = ['epoch', 'train loss', 'train acc', 'val loss', 'val acc', 'lr', 'seconds', 'samples/s'];
  const rows = epochs.map((row) =>
    [
      row.epoch,
      formatNumber(row.train_loss),
      percent(row.train_acc ?? undefined),
      formatNumber(row.val_loss),
      percent(row.val_acc ?? undefined),
      formatNumber(row.lr),
      row.seconds.toFixed(1),
      Math.round(row.samples_per_sec).toLocaleString('en-US'),
    ]
      .map((cell) => `<td class="num">${escapeHtml(String(cell))}</td>`)
      .join(''),
  );
  return `<table><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r}</tr>`).join('')}</table>`;
}

function charts(epochs: readonly EpochRow[]): string {
  const series = (name: string, pick: (row: EpochRow) => number | null, isDashed = false) => ({
    name,
    isDashed,
    points: epochs.flatMap((row) => {
      const value = pick(row);
      return value === null ? [] : [[row.epoch, value] as const];
    }),
  });
  const loss = lineChart({
    title: 'Loss per epoch',
    xLabel: 'epoch',
    yLabel: 'cross-entropy loss',
    series: [series('train', (r) => r.train_loss), series('validation', (r) => r.val_loss, true)],
  });
  const accuracy = lineChart({
    title: 'Accuracy per epoch',
    xLabel: 'epoch',
    yLabel: 'accuracy',
    formatY: (y) => percent(y),
    legend: 'inside-bottom',
    series: [series('train', (r) => r.train_acc), series('validation', (r) => r.val_acc, true)],
  });
  return `<div class="charts">${loss}${accuracy}</div>`;
}

/**
 * Renders a training run's `report.html`: one self-contained page (inline CSS and SVG, no scripts,
 * no fonts, no network) with the headline result, loss and accuracy charts (train vs validation
 * per epoch), the per-epoch table, the resolved config, final metrics and the recipe's own plots.
 *
 * @example
 * await writeFile('report.html', renderReport({ recipe, config, epochs, test, sections: [], parameterCount, createdAt: new Date() }));
 */
export function renderReport(content: ReportContent): string {
  const last = content.epochs.at(-1);
  const finals: [string, string][] = [
    ['parameters', content.parameterCount.toLocaleString('en-US')],
    ['epochs', String(content.epochs.length)],
    [
      'train loss / accuracy',
      last ? `${formatNumber(last.train_loss)} / ${percent(last.train_acc ?? undefined)}` : '—',
    ],
    [
      'validation loss / accuracy',
      last ? `${formatNumber(last.val_loss)} / ${percent(last.val_acc ?? undefined)}` : '—',
    ],
  ];
  if (content.test) {
    finals.push([
      `test loss / accuracy (${content.test.checkpoint} checkpoint)`,
      `${formatNumber(content.test.test_loss)} / ${percent(content.test.test_acc ?? undefined)}`,
    ]);
  }
  if (content.stopReason) finals.push(['stopped early', content.stopReason]);
  const configRows = Object.entries(content.config).map(
    ([key, value]) =>
      [key, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)] as [
        string,
        string,
      ],
  );
  const sections = content.sections.map(
    (section) =>
      `<h2>${escapeHtml(section.title)}</h2><figure>${section.html}${section.caption ? `<figcaption>${escapeHtml(section.caption)}</figcaption>` : ''}</figure>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>nagare · ${escapeHtml(content.recipe.name)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(content.recipe.name)}</h1>
<p class="muted">${escapeHtml(content.recipe.description)} · backend ${escapeHtml(content.config.backend)} · ${escapeHtml(content.createdAt.toISOString())}</p>
<p class="headline">${escapeHtml(headline(content))}</p>
<h2>Training curves</h2>
${content.epochs.length > 0 ? charts(content.epochs) : '<p>No epoch finished.</p>'}
<h2>Final metrics</h2>
${table(finals)}
${sections.join('\n')}
<h2>Per epoch</h2>
${epochTable(content.epochs)}
<h2>Configuration</h2>
${table(configRows)}
</body></html>
`;
}
