// Packs every publishable package with `pnpm pack`, the same way `pnpm publish` would: workspace:*
// ranges are rewritten to the real versions and only the `files` (plus package.json, README,
// LICENSE) are included.
import { statSync } from 'node:fs';
import { pnpmCommand } from '../pnpm.mjs';
import { readTarball, runOrThrow } from './workspace.mjs';

/**
 * Packs each package into `destination`; returns a Map from package name to
 * `{ tarball, packedBytes, unpackedBytes, files, manifest }`, where `manifest` is the package.json
 * inside the tarball (with workspace ranges rewritten).
 */
export async function packAll(packages, destination) {
  const [command, prefix] = pnpmCommand();
  const filters = packages.flatMap((pkg) => ['--filter', pkg.name]);
  const output = await runOrThrow(command, [
    ...prefix,
    '-r',
    ...filters,
    'pack',
    '--pack-destination',
    destination,
    '--json',
  ]);
  const reports = JSON.parse(output.slice(output.indexOf('[')));
  const packed = new Map();
  for (const pkg of packages) {
    const report = reports.find((entry) => entry.name === pkg.name);
    if (!report) throw new Error(`pnpm pack produced no tarball for ${pkg.name}`);
    const files = readTarball(report.filename);
    const manifestFile = files.find((file) => file.path === 'package.json');
    if (!manifestFile) throw new Error(`${pkg.name}: the tarball ${report.filename} has no package.json`);
    packed.set(pkg.name, {
      tarball: report.filename,
      packedBytes: statSync(report.filename).size,
      unpackedBytes: files.reduce((total, file) => total + file.data.length, 0),
      files,
      manifest: JSON.parse(manifestFile.data.toString('utf8')),
    });
  }
  return packed;
}
