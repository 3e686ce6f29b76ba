import { readFileSync } from 'node:fs';
import { expect, test, vi } from 'vitest';

test('the README example runs and prints what it says', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const code = readme.split('```ts')[1].split('```')[0];
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  // The example imports from the packages by name; run its body with those exports in scope.
  const { blobs, trainValSplit } = await import('@nagare/data');
  const { crossEntropy, Linear, ReLU, Sequential } = await import('@nagare/layers');
  const { Adam } = await import('@nagare/optimizers');
  const { evaluate, fit } = await import('./index');
  const scope = { blobs, trainValSplit, crossEntropy, Linear, ReLU, Sequential, Adam, evaluate, fit };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  await new AsyncFunction(...Object.keys(scope), code.replace(/^import .*$/gm, ''))(...Object.values(scope));
  expect(log).toHaveBeenCalledWith(10, true, true);
  log.mockRestore();
});
