// One fuzz worker: runs cases [start, end) of one format and prints one JSON line per case. The
// parent (harness.ts) owns the time and memory budget: it kills this process when a case takes too
// long or the resident set grows past the budget, and starts a new one after the failed case.
import { isNagareError, setMaxElements } from '@nagare/tensor';
import { type FuzzFormat, fuzzCase } from './corpus';
import { cleanUpTargets, loadCase } from './targets';

export interface CaseReport {
  index: number;
  outcome: 'typed' | 'loaded' | 'untyped' | 'memory';
  detail?: string;
  mutations?: string[];
}

const [format, seed, start, end, budget, maxElements] = process.argv.slice(2);

async function main(): Promise<void> {
  // A lower tensor size limit than the default keeps every allowed allocation inside the budget,
  // so a case over budget means some allocation skipped the guard.
  setMaxElements(Number(maxElements));
  for (let index = Number(start); index < Number(end); index++) {
    const fuzz = fuzzCase(format as FuzzFormat, index, Number(seed));
    const report: CaseReport = { index, outcome: 'loaded' };
    try {
      await loadCase(fuzz);
    } catch (error) {
      if (isNagareError(error)) report.outcome = 'typed';
      else {
        report.outcome = 'untyped';
        report.detail =
          error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error);
        report.mutations = fuzz.mutations;
      }
    }
    // maxRSS is the peak (KiB) so far: a case that went over budget and came back still shows.
    if (process.resourceUsage().maxRSS * 1024 > Number(budget)) {
      report.outcome = 'memory';
      report.detail = `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`;
      report.mutations = fuzz.mutations;
      process.stdout.write(`${JSON.stringify(report)}\n`);
      cleanUpTargets();
      process.exit(3);
    }
    process.stdout.write(`${JSON.stringify(report)}\n`);
  }
  cleanUpTargets();
}

await main();
