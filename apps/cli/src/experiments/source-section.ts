import type { ReportSection } from '../report/report-html';
import { htmlTable } from '../report/table';
import type { ExperimentSize, ExperimentSource, JsonValue, Verdict } from './experiment';

/** Whether a run at `size` runs the source's setting unchanged. */
export const followsSource = (size: ExperimentSize, source: ExperimentSource) =>
  (source.sizesFollowing ?? ['full']).includes(size);

/** Whether the run at `size` follows the source's setting or a scaled-down version of it. */
export function settingNote(size: ExperimentSize, source: ExperimentSource): string {
  if (followsSource(size, source))
    return `This run (${size} size) follows the source's setting: ${source.setting}.`;
  return `This run is the ${size} size, scaled down from the source's setting (${source.setting}); --full follows that setting.`;
}

/**
 * The report section that sets a run against its source: the source and the setting followed,
 * the source's figure next to the measured one, and agree / differ with the rule that decided it.
 *
 * @example
 * sections.push(sourceSection('full', experiment.source, result.verdict));
 */
export function sourceSection(
  size: ExperimentSize,
  source: ExperimentSource,
  verdict: Verdict,
): ReportSection {
  return {
    title: 'Against the source',
    html: htmlTable({
      header: ['source', "source's figure", 'measured here', 'result', 'criterion'],
      rows: [
        [
          source.citation,
          source.figure,
          verdict.measured,
          verdict.isAgreeing ? 'agrees' : 'differs',
          verdict.criterion,
        ],
      ],
    }),
    caption: settingNote(size, source),
  };
}

/** The comparison as metrics.jsonl's result row (and the docs' recorded.json) hold it. */
export function comparisonSummary(
  size: ExperimentSize,
  source: ExperimentSource,
  verdict: Verdict,
): Record<string, JsonValue> {
  return {
    citation: source.citation,
    setting: source.setting,
    figure: source.figure,
    size,
    follows_source: followsSource(size, source),
    measured: verdict.measured,
    agrees: verdict.isAgreeing,
    criterion: verdict.criterion,
  };
}
