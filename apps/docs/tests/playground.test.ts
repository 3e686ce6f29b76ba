// The Playground trains a real MLP in a worker: on XOR its training loss must fall below 0.1.
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

describe('Playground', () => {
  test('trains XOR until the training loss is below 0.1, drawing the decision boundary', async () => {
    const { page, errors } = await openPage(browser, 'examples/playground.html');
    await page.selectOption('[data-test=dataset]', 'xor');
    await page.fill('[data-test=hidden]', '16, 16');
    await page.selectOption('[data-test=activation]', 'tanh');
    await page.selectOption('[data-test=lr]', '0.03');
    await page.fill('[data-test=epochs]', '150');
    await page.click('[data-test=run]');
    await page.waitForSelector('[data-test=stop]');
    await page.waitForFunction(() => Number(document.querySelector('[data-test=epoch]')?.textContent) >= 1);
    const firstLoss = await number(page, 'loss');
    await page.waitForSelector('[data-test=run]', { timeout: 120_000 });
    const status = await page.textContent('[data-test=status]');
    expect(status).toContain('Finished after 150 epochs');
    const finalLoss = await number(page, 'loss');
    expect(finalLoss).toBeLessThan(0.1);
    expect(finalLoss).toBeLessThan(firstLoss);
    expect(Number.parseFloat((await page.textContent('[data-test=test-accuracy]')) ?? '')).toBeGreaterThan(
      90,
    );
    // The boundary canvas shows both class colors (the model predicts both XOR classes).
    const colors = await classPixels(page);
    expect(colors.orange).toBeGreaterThan(20_000);
    expect(colors.blue).toBeGreaterThan(20_000);
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
    await screenshot(page.locator('[data-demo=playground]'), 'playground-spiral');
    expect(errors).toEqual([]);
  }, 120_000);
});
