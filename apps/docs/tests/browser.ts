// Opens the built site in Debian's Chromium through playwright-core (no browser is downloaded),
// collects page errors, and saves screenshots to test-results/ for people to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

// The same variable as the release checks' browser smoke test (scripts/release/browser-smoke.mjs).
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const SCREENSHOTS = fileURLToPath(new URL('../test-results', import.meta.url));

// WebGPU on the CPU (SwiftShader) where the machine has no GPU; --disable-gpu would turn it off.
const WEBGPU_ARGS = [
  ...ARGS.filter((arg) => arg !== '--disable-gpu'),
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
];

/**
 * Launches Chromium (with WebGPU on SwiftShader when `webgpu` is set); a missing binary gets an
 * error that says how to install it.
 */
export async function launch({ webgpu = false } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: webgpu ? WEBGPU_ARGS : ARGS });
}

/** A page of the site at `path`, with the errors it logs collected into `errors`. */
export async function openPage(browser: Browser, path: string): Promise<{ page: Page; errors: string[] }> {
  // Tall enough that a live example fits on screen: an element screenshot then needs no scrolling,
  // which would slide the sticky navigation bar over the element's top.
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.goto(new URL(path, inject('siteUrl')).href);
  return { page, errors };
}

/** Saves a screenshot of `target` (a page or one element) as test-results/<name>.png. */
export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await target.screenshot({ path });
  return path;
}
