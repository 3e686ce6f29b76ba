// Runs code on the webgpu backend in headless Chromium: Node has no WebGPU here, so every webgpu
// test bundles a page entry with esbuild, serves it from 127.0.0.1 (a secure context, which
// navigator.gpu needs) and calls one of its exports in the page, on WebGPU over SwiftShader (CPU).
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (the same variable as the docs and release browser checks); never downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export const browserSkipReason: string | null = existsSync(CHROMIUM)
  ? null
  : `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`;

// SwiftShader gives WebGPU on the CPU; --disable-gpu would turn WebGPU off altogether.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));
const RUNNER = fileURLToPath(new URL('./page-runner.ts', import.meta.url));

/** Resolves `@nagare/x`, `@nagare/x/testing` and `@nagare/x/models` to TypeScript sources, as the vitest config does. */
const nagareSources: Plugin = {
  name: 'nagare-sources',
  setup(builder) {
    builder.onResolve({ filter: /^@nagare\/[a-z]+(\/testing|\/models)?$/ }, ({ path }) => {
      const [, name, subpath] = /^@nagare\/([a-z]+)(?:\/(testing|models))?$/.exec(path) ?? [];
      return { path: `${PACKAGES}${name}/src/${subpath ? `${subpath}/` : ''}index.ts` };
    });
  },
};

const bundles = new Map<string, Promise<string>>();

/** The page script for `entry`, bundled once per test file (entries do not change during a run). */
function bundle(entry: string): Promise<string> {
  let script = bundles.get(entry);
  if (!script) {
    script = bundleNow(entry);
    bundles.set(entry, script);
  }
  return script;
}

async function bundleNow(entry: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import * as entry from ${JSON.stringify(entry)};\nimport { install } from ${JSON.stringify(RUNNER)};\ninstall(entry);`,
      resolveDir: PACKAGES,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    sourcemap: 'inline',
    plugins: [nagareSources],
    // Node-only loaders (mnistFromDirectory) import node: modules lazily; the page never calls them.
    external: ['node:*'],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function serve(script: string): Promise<Server> {
  const html = '<!doctype html><meta charset="utf-8"><script type="module" src="/entry.js"></script>';
  const server = createServer((request, response) => {
    const isScript = request.url === '/entry.js';
    response.writeHead(200, { 'content-type': isScript ? 'text/javascript' : 'text/html' });
    response.end(isScript ? script : html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let browser: Promise<Browser> | null = null;

/** Closes the shared browser (call it in `afterAll`). */
export async function closeBrowser(): Promise<void> {
  const open = browser;
  browser = null;
  if (open) await (await open).close();
}

async function openPage(server: Server, errors: string[]): Promise<Page> {
  browser ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await (await browser).newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const { port } = server.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => '__nagareRun' in globalThis, undefined, { timeout: 60_000 });
  return page;
}

/**
 * Bundles `entryModulePath` (an absolute path), opens it in Chromium with a fresh webgpu backend
 * installed (`useBackend`), awaits `exportName(args, backend)` in the page and resolves to its
 * JSON-serializable result. Errors thrown in the page reject with their name and message.
 *
 * @example
 * const results = await runInBrowser(fileURLToPath(new URL('./entries/op-cases.ts', import.meta.url)), 'runCases', {});
 */
export async function runInBrowser<T>(
  entryModulePath: string,
  exportName: string,
  args: unknown = {},
): Promise<T> {
  const server = await serve(await bundle(entryModulePath));
  const errors: string[] = [];
  try {
    const page = await openPage(server, errors);
    try {
      const outcome = await page.evaluate(
        ([name, input]) =>
          (globalThis as unknown as { __nagareRun: (n: string, a: unknown) => Promise<string> }).__nagareRun(
            name as string,
            input,
          ),
        [exportName, args] as const,
      );
      const parsed = JSON.parse(outcome) as { ok: true; value: T } | { ok: false; error: string };
      if (!parsed.ok)
        throw new Error(`${exportName} failed in the browser: ${parsed.error}\n${errors.join('\n')}`);
      return parsed.value;
    } finally {
      await page.close();
    }
  } finally {
    server.close();
  }
}
