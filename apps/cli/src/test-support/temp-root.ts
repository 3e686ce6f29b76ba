// Vitest global setup: every test worker and every CLI child process it starts gets a private temp
// directory (TMPDIR), removed when the run ends, so a test that forgets to clean up leaves nothing
// behind in the machine's temp directory.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable that tells tests where the private root is (checked by temp-dir.test.ts). */
export const TEMP_ROOT_VARIABLE = 'NAGARE_TEST_TEMP_ROOT';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'nagare-cli-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  process.env[TEMP_ROOT_VARIABLE] = root;
  return () => {
    const leftovers = readdirSync(root);
    if (leftovers.length > 0)
      console.warn(`removing ${leftovers.length} temp entries tests left behind: ${leftovers.join(', ')}`);
    rmSync(root, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
