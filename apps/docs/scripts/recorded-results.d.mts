// Types of recorded-results.mjs for the TypeScript tests.
import type { RecordedRun } from './recorded-json.d.mts';

export declare function recordCommand(name: string, recorded: RecordedRun): string;
export declare function staleReports(
  reports: readonly { name: string; recorded: RecordedRun }[],
  currentHash: (name: string) => string | null,
): string[];
