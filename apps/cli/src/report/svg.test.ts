import { expect, test } from 'vitest';
import { escapeHtml, niceTicks, tickLabel } from './svg';

test('niceTicks covers the range with steps of 1, 2 or 5 times a power of ten', () => {
  expect(niceTicks(0.03, 0.97, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  expect(niceTicks(1, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
  expect(niceTicks(0.0712, 0.0801, 4)).toEqual([0.07, 0.075, 0.08, 0.085]);
});

test('niceTicks widens a single value into a range', () => {
  const ticks = niceTicks(0.5, 0.5);
  expect(ticks[0]).toBeLessThan(0.5);
  expect(ticks.at(-1)).toBeGreaterThan(0.5);
});

test('tickLabel drops float noise and uses exponents for tiny values', () => {
  expect(tickLabel(0.30000000000000004)).toBe('0.3');
  expect(tickLabel(0.0001)).toBe('1e-4');
  expect(tickLabel(0)).toBe('0');
});

test('escapeHtml escapes markup characters', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});
