// Release dry run on a throwaway copy of the workspace: `changeset version` consumes the pending
// changesets and writes each package's CHANGELOG, then `pnpm publish -r --dry-run` packs and
// "publishes" every package. The real tree is never versioned.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pnpmCommand } from '../pnpm.mjs';
import { root, runOrThrow, workspaceDependencies } from './workspace.mjs';

const PACKAGE_EXTRAS = ['README.md', 'LICENSE', 'NOTICE', 'LICENSE-ONNX', 'dist'];

/** The pending changesets: `{ file, releases: { name: bump }, summary }`. */
export function readChangesets(dir = join(root, '.changeset')) {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`.changeset/${file} does not start with a --- front matter block`);
      const releases = Object.fromEntries(
        match[1]
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => {
            const release = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
            if (!release) throw new Error(`.changeset/${file}: cannot read the release line "${line}"`);
            return [release[1], release[2]];
          }),
      );
      return { file, releases, summary: match[2].trim() };
    });
}

/** Copies what changesets and pnpm publish read into `copy`; links workspace dependencies. */
function makeThrowawayCopy(copy, packages) {
  mkdirSync(copy, { recursive: true });
  for (const file of ['package.json', 'pnpm-workspace.yaml', 'LICENSE', 'NOTICE', '.changeset']) {
    if (existsSync(join(root, file))) cpSync(join(root, file), join(copy, file), { recursive: true });
  }
  const workspaceDirs = ['packages', 'apps']
    .flatMap((group) =>
      existsSync(join(root, group))
        ? readdirSync(join(root, group)).map((name) => join(root, group, name))
        : [],
    )
    .concat(join(root, 'bench'))
    .filter((dir) => existsSync(join(dir, 'package.json')));
  for (const dir of workspaceDirs) {
    const target = join(copy, relative(root, dir));
    mkdirSync(target, { recursive: true });
    cpSync(join(dir, 'package.json'), join(target, 'package.json'));
  }
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  for (const pkg of packages) {
    const target = join(copy, relative(root, pkg.dir));
    for (const extra of PACKAGE_EXTRAS) {
      if (existsSync(join(pkg.dir, extra)))
        cpSync(join(pkg.dir, extra), join(target, extra), { recursive: true });
    }
    // pnpm publish rewrites workspace:* from the linked dependency's version, as after an install,
    // in devDependencies too (e.g. @nagare/optimizers tests with @nagare/autograd).
    const devOnly = Object.keys(pkg.manifest.devDependencies ?? {}).filter((name) => byName.has(name));
    for (const dep of new Set([...workspaceDependencies(pkg.manifest, byName), ...devOnly])) {
      const link = join(target, 'node_modules', dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(copy, relative(root, byName.get(dep).dir)), link, 'dir');
    }
  }
  // changesets loads the changelog generator named in .changeset/config.json from here.
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
}

/**
 * Runs `changeset version` in a throwaway copy and checks that every publishable package got the
 * same new version (one fixed group) and a CHANGELOG.md that lists each changeset naming it.
 * Returns `{ copy, version, note }` for the publish dry run.
 */
export async function checkChangesetVersion(packages, workDir) {
  const changesets = readChangesets();
  if (changesets.length === 0) throw new Error('no pending changesets: nothing would be released');
  const copy = join(workDir, 'changeset-copy');
  makeThrowawayCopy(copy, packages);
  await runOrThrow(join(root, 'node_modules', '.bin', 'changeset'), ['version'], { cwd: copy });
  const problems = [];
  const versions = new Set();
  const onlyDependencyUpdates = [];
  for (const pkg of packages) {
    const dir = join(copy, relative(root, pkg.dir));
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    versions.add(version);
    if (version === pkg.manifest.version) problems.push(`${pkg.name} stayed at ${version}`);
    const changelogFile = join(dir, 'CHANGELOG.md');
    if (!existsSync(changelogFile)) {
      problems.push(`${pkg.name} has no CHANGELOG.md after changeset version`);
      continue;
    }
    const changelog = readFileSync(changelogFile, 'utf8');
    if (!changelog.startsWith(`# ${pkg.name}\n`) || !changelog.includes(`\n## ${version}\n`)) {
      problems.push(`${pkg.name}: CHANGELOG.md has no "## ${version}" section`);
    }
    const own = changesets.filter((changeset) => pkg.name in changeset.releases);
    for (const changeset of own) {
      const firstLine = changeset.summary.split('\n')[0].slice(0, 80);
      if (!changelog.includes(firstLine))
        problems.push(`${pkg.name}: CHANGELOG.md lacks .changeset/${changeset.file}`);
    }
    if (own.length === 0) onlyDependencyUpdates.push(pkg.name);
  }
  if (versions.size !== 1) problems.push(`the fixed group split into versions ${[...versions].join(', ')}`);
  const left = readdirSync(join(copy, '.changeset')).filter(
    (file) => file.endsWith('.md') && file !== 'README.md',
  );
  if (left.length > 0) problems.push(`changesets left unconsumed: ${left.join(', ')}`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const [version] = versions;
  const note =
    `${changesets.length} changesets → ${version}, a CHANGELOG.md per package` +
    (onlyDependencyUpdates.length > 0
      ? ` (only dependency updates: ${onlyDependencyUpdates.join(', ')})`
      : '');
  writeFileSync(join(workDir, 'release-version.txt'), version);
  return { copy, version, note };
}

/**
 * `pnpm publish -r --dry-run` in the versioned copy: every package packs and would publish at the
 * new version, with its CHANGELOG.md, LICENSE and README.md, scoped packages with public access.
 */
export async function checkPublishDryRun(packages, { copy, version }) {
  const [command, prefix] = pnpmCommand();
  const output = await runOrThrow(
    command,
    [...prefix, 'publish', '-r', '--dry-run', '--no-git-checks', '--filter', './packages/*'],
    { cwd: copy, env: { npm_config_loglevel: 'notice' } },
  );
  const problems = [];
  for (const pkg of packages) {
    const start = output.indexOf(`📦  ${pkg.name}@${version}`);
    if (start < 0) {
      problems.push(`${pkg.name}@${version} was not published`);
      continue;
    }
    const next = output.indexOf('📦', start + 2);
    const section = output.slice(start, next < 0 ? undefined : next);
    for (const file of ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']) {
      if (!new RegExp(`notice\\s+\\S+\\s+${file.replace('.', '\\.')}\\n`).test(section)) {
        problems.push(`${pkg.name}: the published tarball would lack ${file}`);
      }
    }
    if (pkg.name.startsWith('@') && !section.includes('public access')) {
      problems.push(`${pkg.name} would not be published with public access`);
    }
  }
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n\n${output.slice(-3000)}`);
  return `${packages.length} packages would publish at ${version}`;
}
