// The MNIST demo trains a CNN in the browser on the site's own data files and must classify at
// least 95% of its 1,000 held-out test images; then it reads digits drawn with the mouse.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Draws a stroke through `points` (fractions of the pad's width and height) and returns the digit read. */
async function draw(page: Page, points: [number, number][]): Promise<string | null> {
  await page.click('[data-test=clear]');
  const box = await page.locator('[data-test=pad]').boundingBox();
  if (!box) throw new Error('no drawing pad');
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const point of points.slice(1)) await page.mouse.move(...at(point), { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(
    () => document.querySelector('[data-test=prediction]')?.getAttribute('data-digit') !== '',
  );
  return page.getAttribute('[data-test=prediction]', 'data-digit');
}

const ellipse = (cx: number, cy: number, rx: number, ry: number, turns = 1.05): [number, number][] =>
  Array.from({ length: 40 }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * turns * i) / 39;
    return [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)];
  });

describe('MNIST demo', () => {
  test('trains to ≥ 95% on the held-out images with 2 wasm threads, then reads drawn digits', async () => {
    const { page, errors } = await openPage(browser, 'examples/mnist.html');
    // The preview server sends COOP/COEP, so the page may run the wasm backend on worker threads.
    await page.selectOption('[data-test=backend-choice]', 'wasm');
    await page.selectOption('[data-test=threads]', '2');
    await page.click('[data-test=run]');
    await page.waitForSelector('[data-test=stop]');
    await page.waitForFunction(
      () => /epoch 1\/3 · batch/.test(document.querySelector('[data-test=status]')?.textContent ?? ''),
      null,
      { timeout: 30_000 },
    );
    await screenshot(page, 'mnist-training');
    await page.waitForSelector('[data-test=run]', { timeout: 170_000 });
    const accuracy = Number(await page.getAttribute('[data-test=test-accuracy]', 'data-value'));
    console.log(`MNIST demo: ${(accuracy * 100).toFixed(1)}% of the held-out test images`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    expect(await page.textContent('[data-test=backend]')).toMatch(/^wasm \(\w+, 2 threads\)$/);
    expect(await page.textContent('[data-test=status]')).toContain('of 1000 held-out test images correct');

    expect(
      await draw(page, [
        [0.5, 0.15],
        [0.5, 0.85],
      ]),
    ).toBe('1');
    expect(await draw(page, ellipse(0.5, 0.5, 0.22, 0.34))).toBe('0');
    expect(
      await draw(page, [
        [0.25, 0.2],
        [0.75, 0.2],
        [0.45, 0.85],
      ]),
    ).toBe('7');
    await screenshot(page.locator('[data-demo=mnist]'), 'mnist-trained-drawn-7');
    expect(errors).toEqual([]);
  }, 200_000);
});

describe('MNIST demo backend switch', () => {
  test('auto falls back to wasm in a browser without WebGPU and says why', async () => {
    const { page, errors } = await openPage(browser, 'examples/mnist.html');
    expect(await page.inputValue('[data-test=backend-choice]')).toBe('auto');
    await page.selectOption('[data-test=train-images]', '2000');
    await page.selectOption('[data-test=epochs]', '1');
    await page.click('[data-test=run]');
    await page.waitForSelector('[data-test=run]', { timeout: 120_000 });
    expect(await page.textContent('[data-test=backend]')).toMatch(
      /^wasm \(\w+\); WebGPU unavailable: (no GPU adapter|this browser has no WebGPU)$/,
    );
    expect(errors).toEqual([]);
  }, 150_000);
});
