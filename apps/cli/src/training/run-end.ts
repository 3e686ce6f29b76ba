import { join } from 'node:path';
import { TrainingStoppedError } from '../errors/training-stopped-error';
import { cliCommand } from '../util/cli-command';
import { formatDuration, percent } from '../util/format';
import { finishRun } from './finish-run';
import { type FitOutcome, INTERRUPTED_EXIT_CODE } from './fit-session';
import type { RunSession } from './run-start';

/** Why fit stopped before its last epoch, as the end of the run must treat it. */
function stopKind(outcome: FitOutcome): 'finished' | 'interrupted' | 'diverged' | 'stopped' {
  const by = outcome.history.stopReason?.by;
  if (by === undefined) return 'finished';
  if (by === 'signal') return 'interrupted';
  return by === 'nanGuard' ? 'diverged' : 'stopped';
}

/**
 * Ends a run after fit: writes the report (and, for a run that finished, the test split measured on
 * the checkpoint it names), frees the model, and returns the exit code: 0, or 130 after Ctrl-C. A
 * run stopped by the NaN guard throws TrainingStoppedError after writing its report, so it never
 * ends with exit code 0 or an accuracy from an older checkpoint.
 *
 * @example
 * return endRun(session, outcome, log);
 */
export async function endRun(
  session: RunSession,
  outcome: FitOutcome,
  log: (line: string) => void,
): Promise<number> {
  const kind = stopKind(outcome);
  const reason = outcome.history.stopReason?.message ?? null;
  if (kind === 'stopped') log(`stopped early: ${reason}`);
  const { checkpoints } = outcome;
  const { recipe, config, model, outDir } = session;
  const test = await finishRun({
    recipe,
    config,
    model,
    outDir,
    test: kind === 'finished' || kind === 'stopped' ? session.splits.test : null,
    bestPath: checkpoints.bestPath,
    metrics: outcome.metrics,
    stopReason: reason,
  });
  session.optimizer.dispose();
  session.model.dispose();
  if (kind === 'diverged') throw new TrainingStoppedError(session.outDir, reason ?? 'non-finite values');
  if (kind === 'interrupted') {
    const resume = cliCommand(['train', '--resume', { path: session.outDir }]);
    log(`checkpoint written to ${checkpoints.lastPath}; continue with: ${resume}`);
    return INTERRUPTED_EXIT_CODE;
  }
  const used =
    test?.checkpoint === 'best'
      ? checkpoints.bestPath
      : `${checkpoints.lastPath} (no best checkpoint was written)`;
  log(
    `done in ${formatDuration(outcome.seconds)}: test accuracy ${percent(test?.test_acc ?? undefined)} on ${used}; report: ${join(session.outDir, 'report.html')}`,
  );
  return 0;
}
