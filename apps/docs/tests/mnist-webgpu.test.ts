// The MNIST demo on the webgpu backend: Chromium's WebGPU runs on SwiftShader (the CPU) here, so the
// demo trains at a reduced size, and must still classify at least 95% of its 1,000 held-out test
// images and say that WebGPU trained it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch({ webgpu: true });
});
afterAll(async () => browser?.close());

describe('MNIST demo on WebGPU', () => {
  test('?backend=webgpu trains LeNet-5 on the GPU backend to ≥ 95% of the held-out images', async () => {
    const { page, errors } = await openPage(browser, 'examples/mnist.html?backend=webgpu');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-test=backend-choice]') as HTMLSelectElement | null)?.value ===
        'webgpu',
    );
    await page.selectOption('[data-test=train-images]', '4000');
    await page.selectOption('[data-test=epochs]', '3');
    await page.click('[data-test=run]');
    await page.waitForSelector('[data-test=stop]');
    await page.waitForSelector('[data-test=run]', { timeout: 1_140_000 });
    const accuracy = Number(await page.getAttribute('[data-test=test-accuracy]', 'data-value'));
    console.log(
      `MNIST demo on WebGPU (SwiftShader): ${(accuracy * 100).toFixed(1)}% of the held-out test images`,
    );
    expect(await page.textContent('[data-test=backend]')).toBe('webgpu');
    expect(await page.textContent('[data-test=status]')).toContain('of 1000 held-out test images correct');
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    await screenshot(page.locator('[data-demo=mnist]'), 'mnist-trained-webgpu');
    expect(errors).toEqual([]);
  }, 1_200_000);
});
