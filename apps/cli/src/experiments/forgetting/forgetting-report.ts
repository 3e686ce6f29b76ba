import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import type { ExperimentResult, Verdict } from '../experiment';
import type { ForgettingParams } from './forgetting';
import type { ArmRun, PermutedTask } from './forgetting-steps';
import type { TaskEpoch } from './sequential-tasks';

/** How much more of the earlier tasks EWC must keep than plain training to count as "retains". */
export const RETAIN_MARGIN = 0.1;
/** How far below plain training EWC may end on the newest task and still count as "learns it". */
export const LEARN_MARGIN = 0.05;

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** The accuracy on every task seen, at the end of the task `taskIndex` was trained. */
function endOfTask(run: ArmRun, taskName: string): TaskEpoch | undefined {
  return run.epochs.filter((e) => e.task === taskName).at(-1);
}

/** After the last task: mean accuracy over the earlier tasks, and accuracy on the last one. */
export function finalScores(run: ArmRun, tasks: readonly string[]) {
  const last = endOfTask(run, tasks[tasks.length - 1])?.accuracy ?? {};
  return {
    earlier: mean(tasks.slice(0, -1).map((task) => last[task] ?? 0)),
    newest: last[tasks[tasks.length - 1]] ?? 0,
  };
}

/**
 * Kirkpatrick et al.'s Figure 2A against the run: it agrees when, after the last task, EWC keeps
 * at least `RETAIN_MARGIN` more mean accuracy on the earlier tasks than plain training, and ends
 * within `LEARN_MARGIN` of plain training on the newest task.
 */
export function judgeForgetting(runs: readonly ArmRun[], tasks: readonly string[]): Verdict {
  const score = (kind: string) => {
    const run = runs.find((r) => r.kind === kind);
    return run ? finalScores(run, tasks) : { earlier: Number.NaN, newest: Number.NaN };
  };
  const [plain, l2, ewc] = [score('plain'), score('L2'), score('EWC')];
  return {
    measured: `after ${tasks.length} tasks, mean accuracy on the earlier tasks: plain ${percent(plain.earlier)}, L2 ${percent(l2.earlier)}, EWC ${percent(ewc.earlier)}; on the newest task: plain ${percent(plain.newest)}, L2 ${percent(l2.newest)}, EWC ${percent(ewc.newest)}`,
    isAgreeing: ewc.earlier - plain.earlier >= RETAIN_MARGIN && ewc.newest >= plain.newest - LEARN_MARGIN,
    criterion: `agrees when EWC keeps ${percent(RETAIN_MARGIN)} or more mean accuracy on the earlier tasks than plain training and ends within ${percent(LEARN_MARGIN)} of it on the newest task`,
  };
}

/** What happened to the old tasks, in words chosen by the numbers. */
export function forgettingCaption(runs: readonly ArmRun[], tasks: readonly string[]): string {
  const plain = runs.find((r) => r.kind === 'plain');
  const ewc = runs.find((r) => r.kind === 'EWC');
  if (!plain || !ewc || tasks.length < 2) return '';
  const [p, e] = [finalScores(plain, tasks), finalScores(ewc, tasks)];
  return e.earlier - p.earlier >= RETAIN_MARGIN
    ? ` Here EWC kept ${percent(e.earlier)} on the earlier tasks against ${percent(p.earlier)} for plain training.`
    : ` Here EWC did not keep the earlier tasks clearly better than plain training (${percent(e.earlier)} against ${percent(p.earlier)}).`;
}

function chart(
  title: string,
  yLabel: string,
  runs: readonly ArmRun[],
  value: (e: TaskEpoch) => number,
  p: ForgettingParams,
) {
  return lineChart({
    title,
    xLabel: `epoch (${p.epochsPerTask} per task)`,
    yLabel,
    formatY: percent,
    yDomain: [0, 1],
    legend: 'inside-bottom',
    series: runs.map((run, index) => ({
      name: run.kind,
      isDashed: index > 0,
      points: run.epochs.map((e) => [e.epoch, value(e)] as const),
    })),
  });
}

function endTable(runs: readonly ArmRun[], tasks: readonly string[]): string {
  const rows = runs.flatMap((run) =>
    tasks.map((task, index) => {
      const accuracy = endOfTask(run, task)?.accuracy ?? {};
      const label = index === 0 ? 'after task A (shared)' : `after task ${task}, ${run.kind}`;
      return [label, ...tasks.map((t) => (t in accuracy ? accuracy[t] : null))];
    }),
  );
  // Task A is trained once for all arms: keep its row once.
  const unique = rows.filter((row, index) => row[0] !== 'after task A (shared)' || index === 0);
  return htmlTable({
    header: ['training', ...tasks.map((t) => `task ${t}`)],
    rows: unique,
    formats: Object.fromEntries(tasks.map((_, index) => [index + 1, percent])),
  });
}

/** Step 4: the report — accuracy on the oldest task, on all seen tasks, on the newest, and the table. */
export function reportForgetting(
  p: ForgettingParams,
  tasks: readonly PermutedTask[],
  runs: readonly ArmRun[],
): ExperimentResult {
  const names = tasks.map((t) => t.name);
  const [plain, l2, ewc] = ['plain', 'L2', 'EWC'].map((kind) =>
    finalScores(runs.find((r) => r.kind === kind) as ArmRun, names),
  );
  const seenMean = (e: TaskEpoch) => mean(Object.values(e.accuracy));
  return {
    headline: `A ${[784, ...p.hidden, 10].join('-')} MLP trained on ${tasks.length} permuted-MNIST tasks in sequence (${p.epochsPerTask} epochs each) keeps, after the last, a mean accuracy on the earlier tasks of ${percent(plain.earlier)} when trained plainly, ${percent(l2.earlier)} with L2 to the old weights (λ = ${p.l2Lambda}) and ${percent(ewc.earlier)} with EWC (λ = ${p.lambda}), reaching ${percent(plain.newest)}, ${percent(l2.newest)} and ${percent(ewc.newest)} on the newest task.`,
    sections: [
      {
        title: 'Accuracy while learning the tasks in sequence',
        html: chartRow([
          chart('Task A (the oldest task)', 'test accuracy on task A', runs, (e) => e.accuracy.A, p),
          chart('Mean over the tasks seen so far', 'mean test accuracy', runs, seenMean, p),
          chart('The task being learned', 'test accuracy', runs, (e) => e.accuracy[e.task], p),
        ]),
        caption: `Each task after A is A with its pixels shuffled by its own fixed permutation: as hard as A, but it needs different weights. After each task, EWC estimates the diagonal Fisher information F of that task's loss on ${p.fisherSamples} samples and adds λ/2 · Σ F (θ − θ*)² to the later tasks' loss; L2 adds λ/2 · Σ (θ − θ*)², every weight anchored alike.${forgettingCaption(runs, names)}`,
      },
      { title: 'Test accuracy at the end of each task', html: endTable(runs, names) },
    ],
    summary: {
      tasks: names,
      after_last: { plain: { ...plain }, l2: { ...l2 }, ewc: { ...ewc } },
      after_each_task: Object.fromEntries(
        runs.map((run) => [run.kind, names.map((task) => ({ ...(endOfTask(run, task)?.accuracy ?? {}) }))]),
      ),
    },
    verdict: judgeForgetting(runs, names),
  };
}
