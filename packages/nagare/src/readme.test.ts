import { readFileSync } from 'node:fs';
import { expect, test, vi } from 'vitest';

test('the README example trains the spiral classifier and prints what it says', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const code = readme.split('```ts')[1].split('```')[0];
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  // The example imports from 'nagare'; run its body with this package's namespaces in scope.
  const { data, nn, optim, train } = await import('./index');
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  await new AsyncFunction('data', 'nn', 'optim', 'train', code.replace(/^import .*$/m, ''))(
    data,
    nn,
    optim,
    train,
  );
  expect(log).toHaveBeenCalledWith(true);
  log.mockRestore();
});
