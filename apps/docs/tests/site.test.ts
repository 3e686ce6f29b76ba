// The built site as a whole: every guide page renders without errors, the API reference covers
// every package, each CLI recipe and experiment has its page, and the preview server makes the page
// cross-origin isolated (so the wasm backend could use threads).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, openPage, screenshot } from './browser';

const DIST = fileURLToPath(new URL('../.vitepress/dist', import.meta.url));
const GUIDE = [
  'guide/index',
  'guide/install',
  'guide/tensors',
  'guide/autograd',
  'guide/backends',
  'guide/memory',
  'guide/layers',
  'guide/optimizers',
  'guide/data',
  'guide/training',
  'guide/checkpoints',
  'guide/cli',
  'guide/interop',
  'guide/scaling-out',
  'guide/bundle-sizes',
];
const PACKAGES = ['tensor', 'autograd', 'wasm', 'layers', 'optimizers', 'data', 'train', 'io'];

/** Client-side navigation through the sidebar, as a reader clicks: no full page load per page. */
async function visitViaSidebar(page: Page, path: string): Promise<string> {
  // The sidebar links a section's index page by its directory (`/guide/`).
  const href = path.endsWith('/index') ? path.slice(0, -'index'.length) : `${path}.html`;
  const before = await page.textContent('.vp-doc h1');
  await page.click(`.VPSidebar a[href$="/${href}"]`);
  await page.waitForURL((url) => url.pathname.endsWith(`/${href}`));
  // The router updates the URL first and swaps the content when the page's chunk has loaded.
  await page.waitForFunction((previous) => {
    const title = document.querySelector('.vp-doc h1')?.textContent;
    return title !== undefined && title !== previous;
  }, before);
  return (await page.textContent('.vp-doc h1')) ?? '';
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('the built site', () => {
  test('the home page renders, cross-origin isolated', async () => {
    const { page, errors } = await openPage(browser, '');
    await page.waitForSelector('.VPHero');
    expect(await page.textContent('.VPHero .name')).toContain('nagare');
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    await screenshot(page, 'home');
    expect(errors).toEqual([]);
  });

  test('every guide page renders with its title', async () => {
    const { page, errors } = await openPage(browser, 'guide/install.html');
    for (const path of GUIDE) {
      const title = await visitViaSidebar(page, path);
      expect(title.trim().length, path).toBeGreaterThan(3);
      if (path === 'guide/autograd') await screenshot(page, 'guide-autograd');
    }
    expect(errors).toEqual([]);
  });

  test('the API reference has a page for every package', async () => {
    const { page, errors } = await openPage(browser, 'api/index.html');
    const names = await page.$$eval('a', (links) => links.map((link) => link.textContent?.trim()));
    for (const name of PACKAGES) expect(names).toContain(`@nagare/${name}`);
    await page.goto(new URL('modules/_nagare_tensor.html', page.url()).href);
    expect(await page.textContent('body')).toContain('matmul');
    await screenshot(page, 'api-tensor');
    expect(errors).toEqual([]);
  });

  test('every recipe and experiment of the CLI has a page', async () => {
    const entries = JSON.parse(
      readFileSync(join(DIST, '..', '..', 'src/recipes/generated/recipes.json'), 'utf8'),
    ) as {
      name: string;
      kind: string;
    }[];
    expect(entries.filter((entry) => entry.kind === 'recipe').map((entry) => entry.name)).toContain(
      'mnist-lenet5',
    );
    const { page, errors } = await openPage(browser, 'recipes/index.html');
    for (const { name } of entries) {
      expect(await page.locator(`.vp-doc a[href$="${name}.html"]`).count(), name).toBeGreaterThan(0);
    }
    for (const { name, kind } of entries) {
      expect(await visitViaSidebar(page, `recipes/${name}`)).toContain(name);
      const command = `npm run nagare -- ${kind === 'experiment' ? 'experiment' : 'train'} ${name}`;
      expect(await page.textContent('.vp-doc')).toContain(command);
      if (name === 'spiral-mlp' || name === 'init-histograms') await screenshot(page, `recipe-${name}`);
    }
    expect(errors).toEqual([]);
  });

  test('the bundle-size page shows the recorded table or says how it is made', async () => {
    const { page, errors } = await openPage(browser, 'guide/bundle-sizes.html');
    const text = await page.textContent('[data-test=bundle-sizes]');
    expect(text).toMatch(/@nagare\/tensor|size-budget|bundle-size/);
    expect(errors).toEqual([]);
  });
});
