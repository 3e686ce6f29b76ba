// The initialization experiment: 5 layers of 100 units on 1,000 random inputs. The histograms must
// render and show the lecture's findings for each weight scale, on wasm and on WebGPU.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
let page: Page;
let errors: string[];
beforeAll(async () => {
  browser = await launch();
  ({ page, errors } = await openPage(browser, 'examples/init-histograms.html'));
});
afterAll(async () => browser?.close());

interface Layer {
  counts: number[];
  std: number;
  zeros: number;
  outside: number;
}

/** Chooses `init` and `activation` on `on` (the shared wasm page by default) and reads the 5 layers. */
async function run(init: string, activation: string, on: Page = page): Promise<Layer[]> {
  await on.check(`[data-test=init-${init}]`);
  await on.check(`[data-test=activation-${activation}]`);
  await on.waitForFunction(
    (shown) => document.querySelector('[data-demo=init-histograms]')?.getAttribute('data-shown') === shown,
    `${init}/${activation}`,
  );
  const layers = await on.$$eval('[data-test^=layer-]', (figures) =>
    figures.map((figure) => ({
      counts: (figure.getAttribute('data-counts') ?? '').split(',').map(Number),
      std: Number(figure.getAttribute('data-std')),
      zeros: Number(figure.getAttribute('data-zeros')),
      outside: Number(figure.getAttribute('data-outside')),
      bars: figure.querySelectorAll('rect').length,
    })),
  );
  expect(layers).toHaveLength(5);
  for (const layer of layers) {
    expect(layer.bars).toBe(30);
    expect(layer.counts.reduce((a, b) => a + b, 0) + layer.zeros + layer.outside).toBe(100_000);
  }
  return layers;
}

const share = (layer: Layer, from: number, to: number) =>
  layer.counts.slice(from, to).reduce((a, b) => a + b, 0) / 100_000;

describe('initialization histograms', () => {
  test('sigmoid with N(0, 1) weights saturates: the activations pile up near 0 and 1', async () => {
    const layers = await run('normal1', 'sigmoid');
    for (const layer of layers) expect(share(layer, 0, 3) + share(layer, 27, 30)).toBeGreaterThan(0.5);
    // The default backend choice, auto, computes on wasm in this browser without WebGPU.
    expect(await page.textContent('[data-test=backend]')).toMatch(/^wasm \(\w+\)/);
    await screenshot(page.locator('[data-demo=init-histograms]'), 'init-normal1-sigmoid');
  });

  test('sigmoid with N(0, 0.01²) weights collapses to 0.5: every unit outputs the same', async () => {
    const layers = await run('normal001', 'sigmoid');
    // Bins 13–16 hold (0.43, 0.57): layer 1's sums have std 0.1, so sigmoid stays within 0.5 ± 0.07.
    for (const layer of layers) expect(share(layer, 13, 17)).toBeGreaterThan(0.95);
    await screenshot(page.locator('[data-demo=init-histograms]'), 'init-normal001-sigmoid');
  });

  test('sigmoid with Xavier weights keeps the activations spread out', async () => {
    const layers = await run('xavier', 'sigmoid');
    for (const layer of layers) {
      expect(share(layer, 14, 16)).toBeLessThan(0.6);
      expect(share(layer, 0, 3) + share(layer, 27, 30)).toBeLessThan(0.05);
      expect(layer.std).toBeGreaterThan(0.05);
    }
    await screenshot(page.locator('[data-demo=init-histograms]'), 'init-xavier-sigmoid');
  });

  test('ReLU keeps its scale with He weights, shrinks with Xavier and vanishes with N(0, 0.01²)', async () => {
    const he = await run('he', 'relu');
    expect(he[4].std / he[0].std).toBeGreaterThan(0.5);
    expect(he[4].std / he[0].std).toBeLessThan(2);
    await screenshot(page.locator('[data-demo=init-histograms]'), 'init-he-relu');
    const xavier = await run('xavier', 'relu');
    expect(xavier[4].std / xavier[0].std).toBeLessThan(0.4);
    const small = await run('normal001', 'relu');
    expect(small[4].std).toBeLessThan(1e-5);
  });

  test('tanh renders for every initialization, and no errors were logged', async () => {
    for (const init of ['normal1', 'normal001', 'xavier', 'he']) await run(init, 'tanh');
    expect(errors).toEqual([]);
  });
});

describe('initialization histograms on WebGPU', () => {
  let gpuBrowser: Browser;
  beforeAll(async () => {
    gpuBrowser = await launch({ webgpu: true });
  });
  afterAll(async () => gpuBrowser?.close());

  test('?backend=webgpu computes on the GPU backend: sigmoid saturates with N(0, 1), He keeps the ReLU scale', async () => {
    const { page: gpuPage, errors: gpuErrors } = await openPage(
      gpuBrowser,
      'examples/init-histograms.html?backend=webgpu',
    );
    const saturated = await run('normal1', 'sigmoid', gpuPage);
    expect(await gpuPage.inputValue('[data-test=backend-choice]')).toBe('webgpu');
    expect(await gpuPage.textContent('[data-test=backend]')).toBe('webgpu');
    for (const layer of saturated) expect(share(layer, 0, 3) + share(layer, 27, 30)).toBeGreaterThan(0.5);
    const he = await run('he', 'relu', gpuPage);
    expect(he[4].std / he[0].std).toBeGreaterThan(0.5);
    expect(he[4].std / he[0].std).toBeLessThan(2);
    expect(await gpuPage.textContent('[data-test=backend]')).toBe('webgpu');
    await screenshot(gpuPage.locator('[data-demo=init-histograms]'), 'init-he-relu-webgpu');
    expect(gpuErrors).toEqual([]);
  });
});
