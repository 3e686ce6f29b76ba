import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Creates a fresh directory under the system's temp directory and removes it, with everything a
 * test wrote into it, after the enclosing suite (or file) has finished.
 *
 * @example
 * const work = makeTempDir('nagare-cli-');
 */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
