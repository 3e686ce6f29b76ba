// Serves the built site for the browser tests (building it first when there is no build), and
// hands its URL to the tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { DIST, serveSite } from '../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log('docs: no built site, running `node scripts/build.mjs` first');
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('docs: the site build failed');
  }
  const { url, close } = await serveSite({ port: 0 });
  project.provide('siteUrl', url);
  return close;
}
