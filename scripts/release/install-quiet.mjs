// What makes `pnpm install` print warnings on a fresh clone, found before pnpm does: a bin whose
// target is built later (pnpm links bins at install time and warns when the file is missing), and
// a dependency with an install script that pnpm-workspace.yaml neither allows nor denies.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `name: bin -> target` for every bin that pnpm links at install time (the bins of workspace
 * packages another workspace package depends on) whose target is not a committed file.
 */
export function unbuiltBins(packageDirs) {
  const manifests = packageDirs.map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
  }));
  const dependedOn = new Set(
    manifests.flatMap(({ manifest }) =>
      Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }),
    ),
  );
  const missing = [];
  for (const { dir, manifest } of manifests) {
    if (!dependedOn.has(manifest.name)) continue;
    const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
    for (const [bin, target] of Object.entries(bins)) {
      // dist/ is git-ignored and absent until the build, so a bin may not point into it.
      if (/(^|\/)dist\//.test(target) || !existsSync(join(dir, target)))
        missing.push(`${manifest.name}: ${bin} -> ${target}`);
    }
  }
  return missing;
}

/** The package names listed under `allowBuilds:` in a pnpm-workspace.yaml text. */
export function allowBuildsNames(workspaceYaml) {
  const block = /^allowBuilds:\n((?:[ \t]+.*\n?)*)/m.exec(workspaceYaml);
  if (!block) return [];
  return [...block[1].matchAll(/^[ \t]+['"]?([^'":\s]+)['"]?\s*:/gm)].map((match) => match[1]);
}

/** Names of the installed packages (in node_modules/.pnpm) that declare an install script. */
export function packagesWithInstallScripts(nodeModules) {
  const store = join(nodeModules, '.pnpm');
  const names = new Set();
  for (const entry of readdirSync(store)) {
    const inner = join(store, entry, 'node_modules');
    if (!existsSync(inner)) continue;
    // `<name>@<version>` or `@scope+name@<version>`: the package itself sits at its own name.
    const name = /^(@?[^@]+)@/.exec(entry)?.[1].replace('+', '/');
    if (!name) continue;
    const manifestPath = join(inner, name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const scripts = JSON.parse(readFileSync(manifestPath, 'utf8')).scripts ?? {};
    if (scripts.preinstall || scripts.install || scripts.postinstall) names.add(name);
  }
  return [...names].sort();
}
