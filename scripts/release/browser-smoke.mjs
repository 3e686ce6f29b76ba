// Builds smoke/browser/ with Vite inside an npm project that installed the tarballs, serves the
// bundle, and runs it in headless Chromium (Debian's /usr/bin/chromium through playwright-core; a
// browser is never downloaded). The page runs once as a plain page and once cross-origin isolated,
// where the wasm backend may start worker threads.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { installProject } from './install-projects.mjs';

const PAGE_SOURCE = join(import.meta.dirname, 'smoke', 'browser');
// The flags /work/shared/TOOLCHAIN.md lists for Debian's chromium in containers.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const CONTENT_TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/** The Chromium executable: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath() {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: a local override read outside any turbo task
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `no Chromium at ${path}: install it with "apt-get install -y chromium" (.ci/run does) or set CHROMIUM_PATH`,
    );
  }
  return path;
}

/** Serves `dir` on 127.0.0.1 with COOP/COEP headers on paths under /isolated/. */
export function serve(dir) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const isIsolated = url.pathname.startsWith('/isolated/');
    const relative = normalize(url.pathname.replace(/^\/isolated/, '')).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, relative.endsWith('/') ? `${relative}index.html` : relative);
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
    if (isIsolated) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    response.writeHead(200, headers).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Bundles the page with Vite from the installed @nagare/tensor and @nagare/wasm, then loads it in
 * Chromium as a plain page (one thread) and cross-origin isolated (one and two threads).
 */
export async function checkBrowserBundle(context) {
  const executablePath = chromiumPath();
  const project = await installProject(
    context.workDir,
    ['@nagare/tensor', '@nagare/wasm'],
    context.packages,
    context.packed,
    context.projects,
  );
  const pageDir = join(project.dir, 'browser-page');
  const outDir = join(project.dir, 'browser-dist');
  cpSync(PAGE_SOURCE, pageDir, { recursive: true });
  const { build } = await import('vite');
  await build({
    root: pageDir,
    configFile: false,
    logLevel: 'warn',
    base: './',
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  const bundled = readFileSync(join(outDir, 'index.html'), 'utf8');
  if (!bundled.includes('<script')) throw new Error('the Vite build produced no script tag');

  const { chromium } = await import('playwright-core');
  const server = await serve(outDir);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const { port } = server.address();
    const notes = [];
    for (const path of ['/', '/isolated/']) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('response', (response) => {
        if (response.status() >= 400) errors.push(`HTTP ${response.status()} for ${response.url()}`);
      });
      await page.goto(`http://127.0.0.1:${port}${path}`);
      await page.waitForFunction(() => window.__nagareSmoke !== undefined, null, { timeout: 60_000 });
      const result = await page.evaluate(() => window.__nagareSmoke);
      await page.close();
      if (!result.ok || errors.length > 0) {
        throw new Error(`${path}: ${JSON.stringify(result, null, 2)}\n${errors.join('\n')}`);
      }
      const expectedRuns = path === '/' ? 1 : 2;
      if (result.runs.length !== expectedRuns || (path !== '/') !== result.crossOriginIsolated) {
        throw new Error(`${path}: expected ${expectedRuns} run(s), got ${JSON.stringify(result)}`);
      }
      for (const run of result.runs)
        notes.push(`${run.threads} thread(s) ${run.simd}${path === '/' ? '' : ' isolated'}`);
    }
    return `Vite bundle in Chromium ${browser.version()}: wasm matches js (${notes.join(', ')})`;
  } finally {
    await browser.close();
    server.close();
  }
}
