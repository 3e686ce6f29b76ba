#!/usr/bin/env node
// `node scripts/pnpm.mjs --filter docs build`: the generated inputs first (MNIST subset, recipe pages, API
// reference), then the VitePress site into .vitepress/dist.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Application } from 'typedoc';
import { build } from 'vitepress';
import { prepareMnist } from './prepare-mnist.mjs';
import { writeRecipePages } from './recipes.mjs';

const DOCS = fileURLToPath(new URL('..', import.meta.url));
const step = async (name, fn) => {
  const started = performance.now();
  const result = await fn();
  console.log(`docs: ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
};

process.chdir(DOCS);
await step('MNIST subset → src/public/mnist', () => prepareMnist('src/public/mnist'));
await step('recipe pages → src/recipes/generated', () => writeRecipePages());
await step('API reference (typedoc) → src/public/api', async () => {
  rmSync('src/public/api', { recursive: true, force: true });
  const app = await Application.bootstrapWithPlugins({ options: 'typedoc.json' });
  const project = await app.convert();
  if (!project) throw new Error('docs: typedoc could not convert the packages');
  await app.generateDocs(project, app.options.getValue('out'));
  if (app.logger.hasErrors()) throw new Error('docs: typedoc reported errors');
});
await step('VitePress site → .vitepress/dist', () => build(DOCS));
