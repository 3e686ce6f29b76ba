// Static checks of each packed tarball: publint, @arethetypeswrong/cli and the package.json fields a
// registry page and a user's tooling rely on.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { supportedEngines } from './runtimes/install-runtimes.mjs';
import { root, run } from './workspace.mjs';

const REPOSITORY_URL = 'git+https://github.com/nagare-dl/nagare.git';
const SUPPORTED_ENGINES = supportedEngines();

/** publint in strict mode (warnings are errors) on the tarball exactly as it would be published. */
export async function checkPublint(packed) {
  const bytes = readFileSync(packed.tarball);
  const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball }, strict: true });
  const lines = messages.map(
    (message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`,
  );
  const problems = messages.filter((message) => message.type !== 'suggestion');
  if (problems.length > 0) throw new Error(lines.join('\n'));
  return lines.length > 0 ? lines.join('; ') : 'no messages';
}

/**
 * @arethetypeswrong/cli with the node16 profile: every entry point's ESM, CJS and types resolve under
 * node16/nodenext (from ESM and from CJS) and bundler. node10 is left out because it cannot see
 * subpath exports such as `@nagare/tensor/testing`.
 */
export async function checkTypesResolution(packed) {
  const attw = join(root, 'node_modules', '.bin', 'attw');
  const { status, output } = await run(attw, [
    packed.tarball,
    '--profile',
    'node16',
    '--format',
    'ascii',
    '--no-color',
  ]);
  if (status !== 0) throw new Error(output.trim());
  const entryPoints = [...output.matchAll(/^"([^"]+)"$/gm)].map((match) => match[1]);
  return `${entryPoints.length} entry points resolve under node16-cjs, node16-esm and bundler`;
}

/**
 * The fields every published package needs, checked on the packed package.json: description,
 * keywords, MIT license matching the root LICENSE (also shipped in the tarball), repository with the
 * package's directory, engines, files, README, public access, no workspace: ranges left.
 */
export function checkMetadata(pkg, packed, fixedVersion) {
  const manifest = packed.manifest;
  const problems = [];
  const expect = (isOk, message) => {
    if (!isOk) problems.push(message);
  };
  expect(
    typeof manifest.description === 'string' && manifest.description.length >= 20,
    'description is missing or too short',
  );
  const keywords = Array.isArray(manifest.keywords) ? manifest.keywords : [];
  expect(keywords.length >= 3, 'keywords needs at least 3 entries');
  expect(new Set(keywords).size === keywords.length, `keywords has duplicates: ${keywords.join(', ')}`);
  expect(
    manifest.license === 'MIT',
    `license is ${JSON.stringify(manifest.license)}, expected "MIT" like the root LICENSE`,
  );
  const directory = relative(root, pkg.dir).split('\\').join('/');
  const repository = manifest.repository ?? {};
  expect(
    repository.type === 'git' && repository.url === REPOSITORY_URL && repository.directory === directory,
    `repository must be { type: "git", url: "${REPOSITORY_URL}", directory: "${directory}" }, got ${JSON.stringify(manifest.repository)}`,
  );
  expect(
    JSON.stringify(manifest.engines) === JSON.stringify(SUPPORTED_ENGINES),
    `engines must be the runtimes the matrix runs, ${JSON.stringify(SUPPORTED_ENGINES)} (scripts/release/runtimes/runtimes.json), got ${JSON.stringify(manifest.engines)}`,
  );
  expect(Array.isArray(manifest.files) && manifest.files.length > 0, 'files is missing');
  expect(manifest.type === 'module', 'type must be "module"');
  expect('sideEffects' in manifest, 'sideEffects is missing (bundlers cannot tree-shake)');
  if (manifest.name.startsWith('@')) {
    expect(manifest.publishConfig?.access === 'public', 'scoped packages need publishConfig.access "public"');
  }
  expect(
    manifest.version === fixedVersion,
    `version ${manifest.version} differs from the fixed group's ${fixedVersion}`,
  );
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      expect(!String(range).startsWith('workspace:'), `${field}.${name} is still ${range} after packing`);
    }
  }
  const rootLicense = readFileSync(join(root, 'LICENSE'), 'utf8');
  const license = packed.files.find((file) => file.path === 'LICENSE');
  expect(license !== undefined, 'the tarball has no LICENSE file');
  expect(
    license === undefined || license.data.toString('utf8') === rootLicense,
    'LICENSE differs from the root LICENSE',
  );
  expect(
    packed.files.some((file) => file.path === 'README.md'),
    'the tarball has no README.md',
  );
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return `${packed.files.length} files`;
}
