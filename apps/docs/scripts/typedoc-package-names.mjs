// A typedoc plugin: names each entry module after the npm package it documents ("tensor/src" →
// "@nagare/tensor") and shows the package's README on its page, as typedoc's packages mode would,
// while keeping one fast TypeScript program over every package's source.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Converter, ReflectionKind } from 'typedoc';

/** The package directory and subpath of a module named like "layers/src" or "layers/src/models". */
function packageOf(name) {
  const match = /^([a-z-]+)\/src(?:\/(.+))?$/.exec(name);
  return match ? { dir: match[1], subpath: match[2] ?? null } : null;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const root = join(dirname(app.options.getValue('tsconfig')), '..', '..', 'packages');
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      if (module.parent !== context.project) continue;
      const found = packageOf(module.name);
      if (!found) continue;
      const manifest = JSON.parse(readFileSync(join(root, found.dir, 'package.json'), 'utf8'));
      module.name = found.subpath ? `${manifest.name}/${found.subpath}` : manifest.name;
      const readme = join(root, found.dir, 'README.md');
      if (!found.subpath && existsSync(readme)) {
        module.readme = [{ kind: 'text', text: readFileSync(readme, 'utf8') }];
      }
    }
  });
}
