#!/usr/bin/env node
// Serves the built site (.vitepress/dist) on 127.0.0.1 with the headers a cross-origin isolated
// page needs (COOP/COEP), so the wasm backend can use worker threads there. Used by
// `pnpm --filter docs preview` and by the browser tests.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('../.vitepress/dist', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a URL path names inside `root` (directories → index.html, clean URLs → .html), or null. */
function resolveFile(root, urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  for (const candidate of [path, join(path, 'index.html'), `${path}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * Starts the server; resolves with its URL and a `close()`. Port 0 picks a free port.
 *
 * @example
 * const { url, close } = await serveSite({ port: 0 });
 */
export function serveSite({ root = DIST, port = 4173, host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    const file = resolveFile(root, new URL(request.url ?? '/', 'http://localhost').pathname);
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-cache',
    };
    if (!file) {
      const notFound = join(root, '404.html');
      response.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('not found');
      return;
    }
    response.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://${host}:${address.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(
      'No built site in .vitepress/dist: run `npm run docs` (or `node scripts/pnpm.mjs --filter docs build` once the packages are built) first.',
    );
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 4173);
  const { url } = await serveSite({ port });
  console.log(`nagare docs: ${url} (cross-origin isolated; Ctrl-C to stop)`);
}
