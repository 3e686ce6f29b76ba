// The convolution visualizer shows nagare's conv2d output; here every output number is computed
// again by hand from the input, filters and biases on the page, on wasm and on WebGPU.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const grid = (page: Page, name: string) =>
  page.$$eval(`[data-test=${name}] tr`, (rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((cell) => Number(cell.textContent))),
  );

/** The page's numbers: padded input 3×7×7, weights 2×3×3×3, biases, nagare's output 2×3×3. */
async function readNumbers(page: Page) {
  const padded = await Promise.all([0, 1, 2].map((c) => grid(page, `input-c${c}`)));
  const weights = await Promise.all(
    [0, 1].map((f) => Promise.all([0, 1, 2].map((c) => grid(page, `weight-f${f}-c${c}`)))),
  );
  const biases = await Promise.all(
    [0, 1].map(async (f) => Number(await page.textContent(`[data-test=bias-f${f}]`))),
  );
  const output = await Promise.all(
    [0, 1].map((f) =>
      page.$$eval(`[data-test=output-f${f}] tr`, (rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((cell) => Number(cell.dataset.value))),
      ),
    ),
  );
  return { padded, weights, biases, output };
}

/** out[f][i][j] = b[f] + Σ_c Σ_k Σ_l x[c][2i + k][2j + l] · w[f][c][k][l] */
function byHand({ padded, weights, biases }: Awaited<ReturnType<typeof readNumbers>>): number[][][] {
  return weights.map((filter, f) =>
    [0, 1, 2].map((i) =>
      [0, 1, 2].map((j) => {
        let sum = biases[f];
        for (let c = 0; c < 3; c++)
          for (let k = 0; k < 3; k++)
            for (let l = 0; l < 3; l++) sum += padded[c][2 * i + k][2 * j + l] * filter[c][k][l];
        return sum;
      }),
    ),
  );
}

/** The shapes and value sets of the CS231n setting, and nagare's output equal to the hand computation. */
function expectValidNumbers(numbers: Awaited<ReturnType<typeof readNumbers>>) {
  expect(numbers.padded.map((plane) => [plane.length, plane[0].length])).toEqual([
    [7, 7],
    [7, 7],
    [7, 7],
  ]);
  // The padding ring is zero; inputs are in {0, 1, 2}, weights in {−1, 0, 1}.
  for (const plane of numbers.padded) {
    expect(
      [...plane[0], ...plane[6], ...plane.map((row) => row[0]), ...plane.map((row) => row[6])].every(
        (v) => v === 0,
      ),
    ).toBe(true);
    expect(plane.flat().every((v) => [0, 1, 2].includes(v))).toBe(true);
  }
  expect(numbers.weights.flat(3).every((v) => [-1, 0, 1].includes(v))).toBe(true);
  expect(numbers.biases).toEqual([1, 0]);
  expect(numbers.output).toEqual(byHand(numbers));
}

const backendLabel = (page: Page) => page.textContent('[data-test=backend]');

describe('convolution visualizer', () => {
  test('shows a 7×7×3 padded input, two 3×3×3 filters and nagare output equal to the hand computation', async () => {
    const { page, errors } = await openPage(browser, 'examples/convolution.html');
    await page.waitForSelector('[data-test=output-f1]');
    const numbers = await readNumbers(page);
    expectValidNumbers(numbers);
    expect(await backendLabel(page)).toMatch(/^wasm \(\w+\)/);

    // Step by step: step 5 is filter W0, output row 1, column 1, whose window starts at (2, 2).
    for (let i = 0; i < 4; i++) await page.click('[data-test=next]');
    expect(await page.getAttribute('[data-demo=convolution]', 'data-step')).toBe('4');
    expect(Number(await page.textContent('[data-test=hand-total]'))).toBe(numbers.output[0][1][1]);
    expect(await page.textContent('[data-test=check]')).toContain('✓ equals');
    await screenshot(page.locator('[data-demo=convolution]'), 'convolution-step-5');

    await page.click('[data-test=last]');
    expect(
      await page.$$eval('[data-test^=output-f] td', (cells) => cells.map((c) => c.textContent?.trim())),
    ).not.toContain('·');

    await page.click('[data-test=new-numbers]');
    await page.waitForFunction(() =>
      document.querySelector('[data-test=status]')?.textContent?.startsWith('step 1/18'),
    );
    const next = await readNumbers(page);
    expect(next.padded).not.toEqual(numbers.padded);
    expect(next.output).toEqual(byHand(next));
    expect(errors).toEqual([]);
  });

  test('?backend=webgpu in a browser without WebGPU shows why as the status; wasm then computes', async () => {
    const { page, errors } = await openPage(browser, 'examples/convolution.html?backend=webgpu');
    await page.waitForFunction(() =>
      document.querySelector('[data-test=status]')?.textContent?.startsWith('Error: '),
    );
    expect(await page.textContent('[data-test=status]')).toMatch(
      /^Error: createWebGPUBackend: .*(no GPU adapter|navigator\.gpu is missing)/,
    );
    expect(await page.locator('[data-test=output-f1]').count()).toBe(0);
    // The worker goes on after the failed request: the next choice computes.
    await page.selectOption('[data-test=backend-choice]', 'wasm');
    await page.waitForSelector('[data-test=output-f1]');
    expect(await backendLabel(page)).toMatch(/^wasm \(\w+\)$/);
    expectValidNumbers(await readNumbers(page));
    expect(errors).toEqual([]);
  });

  test('Play walks through all 18 output numbers and Stop pauses it', async () => {
    const { page, errors } = await openPage(browser, 'examples/convolution.html');
    await page.waitForSelector('[data-test=output-f1]');
    await page.click('[data-test=run]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-demo=convolution]')?.getAttribute('data-step')) >= 2,
    );
    await page.click('[data-test=stop]');
    const paused = Number(await page.getAttribute('[data-demo=convolution]', 'data-step'));
    await page.waitForTimeout(1500);
    expect(Number(await page.getAttribute('[data-demo=convolution]', 'data-step'))).toBe(paused);
    expect(errors).toEqual([]);
  });
});

describe('convolution visualizer on WebGPU', () => {
  let gpuBrowser: Browser;
  beforeAll(async () => {
    gpuBrowser = await launch({ webgpu: true });
  });
  afterAll(async () => gpuBrowser?.close());

  test('?backend=webgpu convolves on the GPU backend; switching to wasm recomputes the same numbers', async () => {
    const { page, errors } = await openPage(gpuBrowser, 'examples/convolution.html?backend=webgpu');
    await page.waitForSelector('[data-test=output-f1]');
    expect(await page.inputValue('[data-test=backend-choice]')).toBe('webgpu');
    expect(await backendLabel(page)).toBe('webgpu');
    const onWebGPU = await readNumbers(page);
    expectValidNumbers(onWebGPU);

    // The inputs come from the same seeded generator on every backend, so wasm's conv2d must agree.
    await page.selectOption('[data-test=backend-choice]', 'wasm');
    await page.waitForFunction(() =>
      document.querySelector('[data-test=backend]')?.textContent?.startsWith('wasm ('),
    );
    expect(await readNumbers(page)).toEqual(onWebGPU);
    expect(errors).toEqual([]);
  });
});
