import { toUnitValue, unitOf } from './cases';
import { calibrate, median, type SamplingPlan, type Timed, type TimingOptions, timeSample } from './timing';
import type { BenchRow, CaseSpec, Contender, PreparedCase, UnavailableContender } from './types';

/** A contender, or the reason it could not be created. */
export type Entry = Contender | UnavailableContender;

/** True when the entry is a working contender. */
export function isAvailable(entry: Entry): entry is Contender {
  return 'prepare' in entry;
}

/** The message of a thrown value on one line. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim();
}

/** What the timing measures of a prepared case: its own clock when it has one, else its `run`. */
function timedOf(prepared: PreparedCase): Timed {
  const { runTimed } = prepared;
  return runTimed ? { runTimed: (count) => runTimed.call(prepared, count) } : prepared.run;
}

/** One contender's progress through a case. */
interface Lane {
  entry: Entry;
  prepared?: PreparedCase;
  plan?: SamplingPlan;
  times: number[];
  failure?: string;
}

async function calibrateLane(lane: Lane, contender: Contender, spec: CaseSpec, timing: TimingOptions) {
  try {
    await contender.activate();
    // A clean heap for each library, so none pays for another's garbage during its warm-up.
    (globalThis as { gc?: () => void }).gc?.();
    lane.prepared = await contender.prepare(spec);
    lane.plan = await calibrate(timedOf(lane.prepared), timing);
  } catch (error) {
    lane.failure = reasonOf(error);
  }
}

function toRow(spec: CaseSpec, lane: Lane): BenchRow {
  const { lib, threads } = lane.entry;
  const row = { suite: spec.suite, case: spec.name, lib, threads, unit: unitOf(spec) };
  if (lane.failure !== undefined || lane.times.length === 0) {
    return { ...row, value: null, note: lane.failure ?? 'no sample was taken' };
  }
  return { ...row, value: toUnitValue(spec, median(lane.times) / 1000) };
}

/**
 * Measures one case on every contender. Each is prepared and warmed up in turn (`calibrate`);
 * then their timed samples are taken in rounds, one sample per contender per round, so that a
 * burst of load from elsewhere on the machine falls on all of them alike rather than on whichever
 * library happened to be running. A contender that cannot run the case gets a row with
 * `value: null` and the reason; the others go on.
 *
 * @example
 * const rows = await measureCase(spec, [nagareWasm, tfjsWasm], { budgetMs: 400 });
 */
export async function measureCase(
  spec: CaseSpec,
  entries: readonly Entry[],
  timing: TimingOptions,
): Promise<BenchRow[]> {
  const lanes: Lane[] = entries.map((entry) => ({
    entry,
    times: [],
    failure: isAvailable(entry) ? undefined : entry.reason,
  }));
  try {
    for (const lane of lanes) {
      if (isAvailable(lane.entry) && lane.failure === undefined)
        await calibrateLane(lane, lane.entry, spec, timing);
    }
    const rounds = Math.max(0, ...lanes.map((lane) => lane.plan?.samples ?? 0));
    for (let round = 0; round < rounds; round++) {
      for (const lane of lanes) {
        const { entry, prepared, plan } = lane;
        if (!isAvailable(entry) || !prepared || !plan || lane.failure !== undefined || round >= plan.samples)
          continue;
        try {
          await entry.activate();
          lane.times.push(await timeSample(timedOf(prepared), plan, timing.now));
        } catch (error) {
          lane.failure = reasonOf(error);
        }
      }
    }
  } finally {
    for (const lane of lanes) lane.prepared?.dispose();
  }
  return lanes.map((lane) => toRow(spec, lane));
}
