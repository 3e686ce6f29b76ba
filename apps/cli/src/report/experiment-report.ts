import { formatDuration } from '../util/format';
import { PAGE_STYLE } from './page-style';
import type { ReportSection } from './report-html';
import { escapeHtml } from './svg';

/** Everything `renderExperimentReport` puts on the page. */
export interface ExperimentReportContent {
  name: string;
  description: string;
  /** One sentence: the setting and the measured result. */
  headline: string;
  sections: readonly ReportSection[];
  /** The resolved settings of the run (size, seed, epochs, …), shown as a table at the end. */
  settings: readonly (readonly [string, string])[];
  backend: string;
  /** Wall time of the whole experiment. */
  seconds: number;
  createdAt: Date;
}

/**
 * Lays charts out side by side, wrapping to the next row when the page is too narrow.
 *
 * @example
 * section.html = chartRow([lineChart(loss), lineChart(accuracy)]);
 */
export function chartRow(charts: readonly string[]): string {
  return `<div class="charts">${charts.join('\n')}</div>`;
}

/**
 * Renders an experiment's `report.html`: one self-contained page (inline CSS and SVG, no scripts,
 * fonts or network) with the one-sentence result at the top, then each section (heading, charts or
 * tables, caption), then the settings it ran with.
 *
 * @example
 * await writeFile('report.html', renderExperimentReport({ name: 'activations', description, headline,
 *   sections, settings: [['size', 'default']], backend: 'wasm', seconds: 412, createdAt: new Date() }));
 */
export function renderExperimentReport(content: ExperimentReportContent): string {
  const sections = content.sections.map(
    (section) =>
      `<h2>${escapeHtml(section.title)}</h2><figure>${section.html}${section.caption ? `<figcaption>${escapeHtml(section.caption)}</figcaption>` : ''}</figure>`,
  );
  const settings = content.settings
    .map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>nagare experiment · ${escapeHtml(content.name)}</title><style>${PAGE_STYLE}</style></head>
<body>
<h1>${escapeHtml(content.name)}</h1>
<p class="muted">${escapeHtml(content.description)} · backend ${escapeHtml(content.backend)} · ${escapeHtml(formatDuration(content.seconds))} · ${escapeHtml(content.createdAt.toISOString())}</p>
<p class="headline">${escapeHtml(content.headline)}</p>
${sections.join('\n')}
<h2>Settings</h2>
<table>${settings}</table>
</body></html>
`;
}
