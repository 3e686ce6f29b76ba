// Types of comparison-page.mjs for the TypeScript tests.
import type { RecordedComparison, RecordedEntry } from './recorded-json.d.mts';

export declare function comparisonReason(comparison: RecordedComparison): string;
export declare function comparisonMarkdown(entries: readonly RecordedEntry[]): string;
export declare function readComparisons(
  reportsDir: string,
  experimentNames: readonly string[],
): RecordedEntry[];
