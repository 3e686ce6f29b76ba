// The runtime matrix's Chromium row: the page in smoke/runtimes-browser/ is bundled with Vite inside
// the Node 20 row's project (every packed package, installed with npm), served cross-origin isolated
// and run in headless Chromium (Debian's, through playwright-core; a browser is never downloaded).
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, serve } from '../browser-smoke.mjs';

const PAGE_SOURCE = join(import.meta.dirname, '..', 'smoke', 'runtimes-browser');
const PAGE_TIMEOUT_MS = 180_000;

/** Bundles the page for every entry point in `specifiers` into `projectDir`; returns the output dir. */
async function bundlePage(projectDir, specifiers) {
  const pageDir = join(projectDir, 'browser-matrix');
  const outDir = join(projectDir, 'browser-matrix-dist');
  cpSync(PAGE_SOURCE, pageDir, { recursive: true });
  const loaders = specifiers.map((specifier) => `  '${specifier}': () => import('${specifier}'),`);
  writeFileSync(
    join(pageDir, 'entry-points.js'),
    `export const entryPoints = {\n${loaders.join('\n')}\n};\n`,
  );
  const { build } = await import('vite');
  await build({
    root: pageDir,
    configFile: false,
    logLevel: 'error',
    base: './',
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  return outDir;
}

/**
 * Runs the page in `runtime.executable` (Chromium) and records its cells; `projectDir` is a project
 * with every package installed and `specifiers` every entry point. Throws when the page cannot be
 * built or loaded (the matrix records that as the install cell's failure).
 */
export async function runChromiumPage(runtime, projectDir, specifiers, record) {
  const outDir = await bundlePage(projectDir, specifiers);
  record('install', {
    status: 'pass',
    note: `npm install (the Node 20 project), Vite bundle of ${specifiers.length} entry points`,
  });
  const { chromium } = await import('playwright-core');
  const server = await serve(outDir);
  const browser = await chromium.launch({
    executablePath: runtime.executable,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`http://127.0.0.1:${server.address().port}/isolated/`);
    await page
      .waitForFunction(() => window.__nagareRuntimeMatrix !== undefined, null, { timeout: PAGE_TIMEOUT_MS })
      .catch((error) => {
        throw new Error(`the page did not finish: ${errors.join('; ') || error.message}`);
      });
    const cells = await page.evaluate(() => window.__nagareRuntimeMatrix);
    for (const [id, result] of Object.entries(cells)) record(id, result);
  } finally {
    await browser.close();
    server.close();
  }
}
