// The Playground trains a real MLP in a worker: on XOR its training loss must fall below 0.1, on
// wasm by default and on WebGPU when the page's URL asks for it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const number = async (page: Page, test: string) => Number(await page.textContent(`[data-test=${test}]`));

/** Pixels of the boundary canvas in class 0's orange and class 1's blue. */
const classPixels = (page: Page) =>
  page.$eval('[data-test=boundary]', (canvas) => {
    const element = canvas as HTMLCanvasElement;
    const context = element.getContext('2d') as CanvasRenderingContext2D;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    let orange = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] > data[i + 2] + 40) orange++;
      else if (data[i + 2] > data[i] + 40) blue++;
    }
    return { orange, blue };
  });

/**
 * Trains a tanh MLP on XOR for `epochs` epochs and checks what the page then shows: the training
 * loss below `maxLoss` and lower than after the first epoch, > 90% test accuracy, and a decision
 * boundary with both classes' colors (the model predicts both XOR classes).
 */
async function trainXor(page: Page, { hidden = '16, 16', lr = '0.03', epochs = 150, maxLoss = 0.1 } = {}) {
  await page.selectOption('[data-test=dataset]', 'xor');
  await page.fill('[data-test=hidden]', hidden);
  await page.selectOption('[data-test=activation]', 'tanh');
  await page.selectOption('[data-test=lr]', lr);
  await page.fill('[data-test=epochs]', String(epochs));
  await page.click('[data-test=run]');
  await page.waitForSelector('[data-test=stop]');
  await page.waitForFunction(() => Number(document.querySelector('[data-test=epoch]')?.textContent) >= 1);
  const firstLoss = await number(page, 'loss');
  await page.waitForSelector('[data-test=run]', { timeout: 120_000 });
  const status = await page.textContent('[data-test=status]');
  expect(status).toContain(`Finished after ${epochs} epochs`);
  const finalLoss = await number(page, 'loss');
  expect(finalLoss).toBeLessThan(maxLoss);
  expect(finalLoss).toBeLessThan(firstLoss);
  expect(Number.parseFloat((await page.textContent('[data-test=test-accuracy]')) ?? '')).toBeGreaterThan(90);
  const colors = await classPixels(page);
  expect(colors.orange).toBeGreaterThan(20_000);
  expect(colors.blue).toBeGreaterThan(20_000);
}

describe('Playground', () => {
  test('trains XOR until the training loss is below 0.1, drawing the decision boundary', async () => {
    const { page, errors } = await openPage(browser, 'examples/playground.html');
    await trainXor(page);
    expect(await page.textContent('[data-test=backend]')).toMatch(/^wasm \(\w+\)/);
    await screenshot(page.locator('[data-demo=playground]'), 'playground-xor');
    expect(errors).toEqual([]);
  }, 150_000);

  test('the default network separates the spirals, and Stop ends the run while the page stays responsive', async () => {
    const { page, errors } = await openPage(browser, 'examples/playground.html');
    expect(await page.inputValue('[data-test=dataset]')).toBe('spiral');
    // Before any training the canvas previews the dataset: points of both classes on white.
    await page.waitForFunction(() => document.querySelector('[data-test=boundary]') !== null);
    await expect
      .poll(async () => Math.min(...Object.values(await classPixels(page))), { timeout: 10_000 })
      .toBeGreaterThan(500);
    await page.fill('[data-test=epochs]', '1000');
    await page.click('[data-test=run]');
    // The main thread answers while the worker trains.
    await page.waitForFunction(() => Number(document.querySelector('[data-test=epoch]')?.textContent) >= 2);
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    await page.waitForFunction(
      () => Number.parseFloat(document.querySelector('[data-test=test-accuracy]')?.textContent ?? '') >= 90,
      null,
      { timeout: 90_000 },
    );
    await page.click('[data-test=stop]');
    await page.waitForSelector('[data-test=run]', { timeout: 30_000 });
    expect(await page.textContent('[data-test=status]')).toMatch(/^Stopped after \d+ epochs/);
    expect(await number(page, 'epoch')).toBeLessThan(1000);
    // The default backend choice, auto, trained on wasm: this browser has no WebGPU (--disable-gpu).
    expect(await page.inputValue('[data-test=backend-choice]')).toBe('auto');
    expect(await page.textContent('[data-test=backend]')).toMatch(
      /^wasm \(\w+\); WebGPU unavailable: (no GPU adapter|this browser has no WebGPU)$/,
    );
    await screenshot(page.locator('[data-demo=playground]'), 'playground-spiral');
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('Playground on WebGPU', () => {
  // Chromium's WebGPU on SwiftShader (the CPU): a smaller network and fewer epochs than on wasm.
  let gpuBrowser: Browser;
  beforeAll(async () => {
    gpuBrowser = await launch({ webgpu: true });
  });
  afterAll(async () => gpuBrowser?.close());

  test('?backend=webgpu trains XOR on the GPU backend and says so', async () => {
    const { page, errors } = await openPage(gpuBrowser, 'examples/playground.html?backend=webgpu');
    // The dataset preview computes on the chosen backend too, and names it.
    await page.waitForFunction(() => document.querySelector('[data-test=backend]')?.textContent === 'webgpu');
    expect(await page.inputValue('[data-test=backend-choice]')).toBe('webgpu');
    await trainXor(page, { hidden: '16', lr: '0.1', epochs: 8, maxLoss: 0.25 });
    expect(await page.textContent('[data-test=backend]')).toBe('webgpu');
    await screenshot(page.locator('[data-demo=playground]'), 'playground-xor-webgpu');
    expect(errors).toEqual([]);
  }, 150_000);
});
