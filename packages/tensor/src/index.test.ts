import { expect, test } from 'vitest';
import * as api from './index';
import * as ops from './ops/all';

test('the package index exports every op function by name', () => {
  const exported = new Map(Object.entries(api));
  for (const [name, op] of Object.entries(ops)) expect(exported.get(name), name).toBe(op);
});
