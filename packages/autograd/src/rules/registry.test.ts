import { existsSync, readFileSync } from 'node:fs';
import { listOps, type OpName } from '@nagare/tensor';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { type GradRuleTable, isNonDifferentiable } from '../grad-rule';
import { gradRules } from './index';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const GRADCHECK_CALLS = /\b(checkUnary|checkBinary|checkEach|expectGradcheck)\(/;

describe('gradient rule registry', () => {
  test('the rule table is keyed by exactly the ops of OpAttrs (a missing op fails the type check)', () => {
    expectTypeOf<keyof GradRuleTable>().toEqualTypeOf<OpName>();
  });

  test('every registered op has a gradient rule or an explicit nonDifferentiable mark', () => {
    const missing = listOps()
      .map((def) => def.name)
      .filter((name) => {
        const rule = (gradRules as Record<string, unknown>)[name];
        return !rule || (typeof rule === 'object' && !('backward' in rule) && !('nonDifferentiable' in rule));
      });
    expect(missing).toEqual([]);
  });

  test('every entry of the table is a registered op, so no rule is left for a removed op', () => {
    const registered = new Set<string>(listOps().map((def) => def.name));
    expect(Object.keys(gradRules).filter((name) => !registered.has(name))).toEqual([]);
  });

  test('every differentiable op has a gradcheck test beside its rule (rules/<op>.test.ts)', () => {
    const unchecked = Object.entries(gradRules)
      .filter(([, rule]) => !isNonDifferentiable(rule))
      .map(([name]) => name)
      .filter((name) => {
        const file = new URL(`./${kebab(name)}.test.ts`, import.meta.url);
        return !existsSync(file) || !GRADCHECK_CALLS.test(readFileSync(file, 'utf8'));
      });
    expect(unchecked).toEqual([]);
  });

  test('ops with integer or bool outputs and in-place updates are marked, each with a reason', () => {
    const marked = Object.entries(gradRules).filter(([, rule]) => isNonDifferentiable(rule));
    expect(marked.map(([name]) => name)).toEqual(
      expect.arrayContaining(['argmax', 'argmin', 'eq', 'isNaN', 'oneHot', 'sgdUpdate']),
    );
    for (const [, rule] of marked) expect(isNonDifferentiable(rule) && rule.reason.length > 0).toBe(true);
  });
});
