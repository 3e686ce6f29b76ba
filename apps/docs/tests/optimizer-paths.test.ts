// Optimizer paths on f(x, y) = x²/20 + y²: four paths, drawn, and each optimizer behaving as in
// the lecture, on wasm (float64) and on WebGPU (float32).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const f = ([x, y]: number[]) => (x * x) / 20 + y * y;
const NAMES = ['SGD', 'Momentum', 'AdaGrad', 'Adam'];

async function paths(page: Page): Promise<Record<string, number[][]>> {
  const entries = await Promise.all(
    NAMES.map(async (name) => [
      name,
      JSON.parse((await page.getAttribute(`[data-test=path-${name}]`, 'data-points')) ?? '[]'),
    ]),
  );
  return Object.fromEntries(entries);
}

/** Pixels of a panel's canvas that are neither white nor contour gray: the drawn path. */
const inkedPixels = (page: Page, name: string) =>
  page.$eval(`[data-test=paths-canvas-${name}]`, (canvas) => {
    const element = canvas as HTMLCanvasElement;
    const { data } = (element.getContext('2d') as CanvasRenderingContext2D).getImageData(
      0,
      0,
      element.width,
      element.height,
    );
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const spread =
        Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]);
      if (spread > 60) count++;
    }
    return count;
  });

/** The 30-step paths from (−7, 2), once drawn: each optimizer behaving as in the lecture. */
async function expectLecturePaths(page: Page) {
  await page.waitForSelector('[data-test=path-Adam]');
  await page.waitForSelector('[data-test=run]', { timeout: 20_000 }); // the unrolling animation ended
  const all = await paths(page);
  for (const name of NAMES) {
    expect(all[name]).toHaveLength(31);
    expect(all[name][0]).toEqual([-7, 2]);
    expect(f(all[name][30])).toBeLessThan(f([-7, 2]) / 10);
    expect(await inkedPixels(page, name)).toBeGreaterThan(300);
  }
  // SGD zig-zags across the steep y direction: y changes sign at almost every step.
  const signChanges = all.SGD.slice(1).filter(([, y], i) => Math.sign(y) !== Math.sign(all.SGD[i][1])).length;
  expect(signChanges).toBeGreaterThan(20);
  // AdaGrad damps the y oscillation fastest: it ends closest to the minimum.
  expect(f(all.AdaGrad[30])).toBeLessThan(Math.min(f(all.SGD[30]), f(all.Momentum[30]), f(all.Adam[30])));
  return all;
}

describe('optimizer paths', () => {
  test('draws SGD, Momentum, AdaGrad and Adam from (−7, 2) as in the lecture', async () => {
    const { page, errors } = await openPage(browser, 'examples/optimizer-paths.html');
    await expectLecturePaths(page);
    // The default backend choice, auto, computes on wasm in this browser without WebGPU.
    expect(await page.textContent('[data-test=backend]')).toMatch(/^wasm \(\w+\)/);
    await screenshot(page.locator('[data-demo=optimizer-paths]'), 'optimizer-paths');
    expect(errors).toEqual([]);
  });

  test('a click on a plot restarts every optimizer from that point, and the step count is adjustable', async () => {
    const { page, errors } = await openPage(browser, 'examples/optimizer-paths.html');
    await page.waitForSelector('[data-test=path-Adam]');
    await page.selectOption('[data-test=steps]', '60');
    await page.waitForFunction(
      () =>
        JSON.parse(document.querySelector('[data-test=path-SGD]')?.getAttribute('data-points') ?? '[]')
          .length === 61,
    );
    const box = await page.locator('[data-test=paths-canvas-Adam]').boundingBox();
    if (!box) throw new Error('no canvas');
    // (x, y) = (5, −2.5): three quarters across, three quarters down the [−10, 10] × [−5, 5] window.
    await page.mouse.click(box.x + 0.75 * box.width, box.y + 0.75 * box.height);
    await page.waitForFunction(
      () =>
        JSON.parse(
          document.querySelector('[data-test=path-SGD]')?.getAttribute('data-points') ?? '[]',
        )[0][0] === 5,
    );
    const all = await paths(page);
    for (const name of NAMES) {
      expect(all[name][0]).toEqual([5, -2.5]);
      expect(all[name]).toHaveLength(61);
    }
    expect(errors).toEqual([]);
  });
});

describe('optimizer paths on WebGPU', () => {
  let gpuBrowser: Browser;
  beforeAll(async () => {
    gpuBrowser = await launch({ webgpu: true });
  });
  afterAll(async () => gpuBrowser?.close());

  test('?backend=webgpu runs the optimizers on the GPU backend (float32), as in the lecture', async () => {
    const { page, errors } = await openPage(gpuBrowser, 'examples/optimizer-paths.html?backend=webgpu');
    const onWebGPU = await expectLecturePaths(page);
    expect(await page.inputValue('[data-test=backend-choice]')).toBe('webgpu');
    expect(await page.textContent('[data-test=backend]')).toBe('webgpu');

    // The float64 paths of wasm, which the float32 ones of WebGPU follow to within rounding.
    await page.selectOption('[data-test=backend-choice]', 'wasm');
    await page.waitForFunction(() =>
      document.querySelector('[data-test=backend]')?.textContent?.startsWith('wasm ('),
    );
    const onWasm = await paths(page);
    for (const name of NAMES)
      onWasm[name].forEach(([x, y], i) => {
        expect(onWebGPU[name][i][0]).toBeCloseTo(x, 3);
        expect(onWebGPU[name][i][1]).toBeCloseTo(y, 3);
      });
    expect(errors).toEqual([]);
  });
});
