import { readFileSync } from 'node:fs';
import { expect, test, vi } from 'vitest';

test('the README example runs and prints what it says', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const code = readme.split('```ts')[1].split('```')[0];
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  // The example imports from '@nagare/data'; run its body with this package's exports in scope.
  const { DataLoader, spirals, trainValSplit } = await import('./index');
  new Function('DataLoader', 'spirals', 'trainValSplit', code.replace(/^import .*$/m, ''))(
    DataLoader,
    spirals,
    trainValSplit,
  );
  expect(log).toHaveBeenCalledWith(320, 80, 10);
  log.mockRestore();
});
