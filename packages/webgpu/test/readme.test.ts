import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { browserSkipReason, closeBrowser, runInBrowser } from './browser-harness';

describe.skipIf(browserSkipReason !== null)(`README ${browserSkipReason ?? ''}`, () => {
  afterAll(closeBrowser);

  test('the README example runs on webgpu and prints what its comments say', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const code = readme.split('```ts\n')[1].split('```')[0];
    expect(code.trim().split('\n').length).toBeLessThanOrEqual(15);
    const entry = fileURLToPath(new URL('./entries/readme.ts', import.meta.url));
    const printed = await runInBrowser<unknown[][]>(entry, 'runReadme', { code });
    // Each console.log line ends with a comment showing what Node prints for it.
    const expected = [...code.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((match) => match[1]);
    expect(printed.map((args) => format(...args))).toEqual(expected);
  });
});
