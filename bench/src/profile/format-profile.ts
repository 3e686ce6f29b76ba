import { PHASES } from './instrument';
import type { StepProfile } from './profile-step';

/** Op kinds listed one by one; the rest are summed in one row. */
const TOP_KERNELS = 12;

const WHAT_OUTSIDE = {
  forward: 'dispatch, shape inference, layer code',
  backward: 'autograd: tape walk, gradient rules, accumulation',
  optimizer: 'optimizer loop and zeroGrad',
} as const;

function ms(value: number): string {
  return value >= 1 ? value.toFixed(2) : value >= 0.01 ? value.toFixed(3) : value.toFixed(4);
}

function share(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

function table(header: string[], rows: string[][]): string {
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
  ];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/**
 * One profile as markdown: where a step's time goes (kernels, allocation, and the time outside
 * kernels of each phase), the kernel time per op kind, and how busy each thread is.
 */
export function formatProfile(profile: StepProfile, batchSize: number): string {
  const { phases, stepMs } = profile;
  const kernelMs = PHASES.reduce((sum, phase) => sum + phases[phase].kernelMs, 0);
  const allocationMs = PHASES.reduce((sum, phase) => sum + phases[phase].allocationMs, 0);
  const parts: string[][] = [
    ['in kernels', ms(kernelMs), share(kernelMs, stepMs)],
    ['allocation and release', ms(allocationMs), share(allocationMs, stepMs)],
  ];
  for (const phase of PHASES) {
    const outside = phases[phase].wallMs - phases[phase].kernelMs - phases[phase].allocationMs;
    parts.push([`outside kernels, ${phase} (${WHAT_OUTSIDE[phase]})`, ms(outside), share(outside, stepMs)]);
  }
  const top = profile.kernels.slice(0, TOP_KERNELS);
  const rest = profile.kernels.slice(TOP_KERNELS);
  const kernelRows = top.map(([op, totals]) => [
    op,
    totals.calls.toFixed(0),
    ms(totals.ms),
    share(totals.ms, stepMs),
    ms(totals.waitMs),
    ms(totals.workerMs),
  ]);
  if (rest.length > 0) {
    const restMs = rest.reduce((sum, [, totals]) => sum + totals.ms, 0);
    const restCalls = rest.reduce((sum, [, totals]) => sum + totals.calls, 0);
    const restWait = rest.reduce((sum, [, totals]) => sum + totals.waitMs, 0);
    const restWorker = rest.reduce((sum, [, totals]) => sum + totals.workerMs, 0);
    kernelRows.push([
      `${rest.length} other ops`,
      restCalls.toFixed(0),
      ms(restMs),
      share(restMs, stepMs),
      ms(restWait),
      ms(restWorker),
    ]);
  }
  const threadRows = [
    ['calling thread, in kernels', ms(profile.mainBusyMs), share(profile.mainBusyMs, stepMs)],
    ['calling thread, waiting for workers', ms(profile.waitMs), share(profile.waitMs, stepMs)],
    ...profile.workerBusyMs.map((busy, i) => [
      `worker ${i + 1}, running kernel pieces`,
      ms(busy),
      share(busy, stepMs),
    ]),
  ];
  const samples = (batchSize / profile.plainStepMs) * 1000;
  return [
    `### ${profile.title} — nagare-wasm ×${profile.threads}, ${profile.simd} SIMD`,
    '',
    `${ms(profile.plainStepMs)} ms per step without timers (median; ${Math.round(samples).toLocaleString('en-US')} samples/s), ` +
      `${ms(stepMs)} ms with them (mean of ${profile.steps} steps); ${profile.parallelRuns.toFixed(1)} kernels per step split across threads.`,
    '',
    table(['where the time goes', 'ms/step', 'of step'], parts),
    table(
      ['kernel', 'calls/step', 'ms/step', 'of step', 'of which waiting for workers', 'worker ms/step'],
      kernelRows,
    ),
    table(['thread', 'ms/step', 'of step'], threadRows),
  ].join('\n');
}
