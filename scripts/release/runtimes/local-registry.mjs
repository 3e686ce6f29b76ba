// A throwaway npm registry on 127.0.0.1 for installers that cannot install a package from a local
// tarball with its dependencies (Deno's `deno install` takes `file:` directories but skips their
// dependencies, and rejects `file:` tarballs). It serves the packed nagare packages itself and
// forwards every other request to the public registry, so the project resolves exactly as a
// user's would after `npm publish`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename } from 'node:path';

const UPSTREAM = 'https://registry.npmjs.org';

/** The registry document of one package version, as the public registry would serve it. */
function packument(manifest, tarballUrl, bytes) {
  const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  const shasum = createHash('sha1').update(bytes).digest('hex');
  const version = {
    ...manifest,
    _id: `${manifest.name}@${manifest.version}`,
    dist: { tarball: tarballUrl, integrity, shasum },
  };
  return {
    name: manifest.name,
    'dist-tags': { latest: manifest.version },
    versions: { [manifest.version]: version },
  };
}

/**
 * Starts the registry for `packages` (a Map from name to `{ tarball, manifest }`); resolves with
 * `{ url, close }`.
 */
export async function startLocalRegistry(packages) {
  const byFile = new Map([...packages.values()].map((entry) => [basename(entry.tarball), entry.tarball]));
  let url = '';
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(request.url.split('?')[0]).slice(1);
      if (path.startsWith('-/') && byFile.has(path.slice(2))) {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        return response.end(readFileSync(byFile.get(path.slice(2))));
      }
      const local = packages.get(path);
      if (local) {
        const bytes = readFileSync(local.tarball);
        const document = packument(local.manifest, `${url}/-/${basename(local.tarball)}`, bytes);
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify(document));
      }
      const upstream = await fetch(`${UPSTREAM}${request.url}`, {
        headers: { accept: request.headers.accept ?? 'application/json' },
      });
      response.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      });
      response.end(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}
