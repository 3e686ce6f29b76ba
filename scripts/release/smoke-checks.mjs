// Runs programs inside the fresh npm projects: each publishable package alone (every entry point
// through import, require and the TypeScript declarations), and the hand-written smoke programs in
// smoke/ that each name only some packages.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { exportedSpecifiers, importedPackages, installProject } from './install-projects.mjs';
import { root, runOrThrow } from './workspace.mjs';

const SMOKE_DIR = join(import.meta.dirname, 'smoke');
const TSC = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** The three resolution modes a user's tsconfig may use, as compiler options. */
const RESOLUTION_MODES = {
  node16: { module: 'node16', moduleResolution: 'node16' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
};

/**
 * Type-checks `files` in `dir` with the workspace's TypeScript under `mode`, as a strict user
 * project would: no skipLibCheck (the installed .d.ts files are checked too) and no ambient @types.
 */
export async function typeCheck(dir, files, mode) {
  const config = {
    compilerOptions: {
      ...RESOLUTION_MODES[mode],
      target: 'es2022',
      lib: ['es2022', 'dom'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    files,
  };
  const configFile = join(dir, `tsconfig.${mode}.json`);
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  await runOrThrow(process.execPath, [TSC, '-p', configFile], { cwd: dir });
}

/**
 * Installs `pkg` with only its declared nagare dependencies, then loads every entry point with
 * import() and require(), checks both expose the same non-empty set of names, and type-checks an
 * import of each entry point from an ES module and a CommonJS module under nodenext.
 */
export async function checkIsolatedPackage(pkg, context) {
  const project = await installProject(
    context.workDir,
    [pkg.name],
    context.packages,
    context.packed,
    context.projects,
  );
  const specifiers = exportedSpecifiers(context.packed.get(pkg.name).manifest);
  const esmNames = await listExports(project.dir, specifiers, 'import');
  const cjsNames = await listExports(project.dir, specifiers, 'require');
  for (const specifier of specifiers) {
    const esm = esmNames[specifier];
    const cjs = cjsNames[specifier];
    if (esm.length === 0) throw new Error(`${specifier} exports nothing`);
    const onlyEsm = esm.filter((name) => !cjs.includes(name));
    const onlyCjs = cjs.filter((name) => !esm.includes(name));
    if (onlyEsm.length + onlyCjs.length > 0) {
      throw new Error(
        `${specifier}: ESM and CJS exports differ (only ESM: ${onlyEsm}; only CJS: ${onlyCjs})`,
      );
    }
  }
  const slug = pkg.name.replace(/^@/, '').replace(/\//g, '-');
  const imports = specifiers.map((specifier, i) => `import * as entry${i} from '${specifier}';`).join('\n');
  const body = `${imports}\nexport const entries = [${specifiers.map((_, i) => `entry${i}`).join(', ')}];\n`;
  writeFileSync(join(project.dir, `${slug}-entries.mts`), body);
  writeFileSync(join(project.dir, `${slug}-entries.cts`), body);
  await typeCheck(project.dir, [`${slug}-entries.mts`, `${slug}-entries.cts`], 'nodenext');
  const total = specifiers.reduce((sum, specifier) => sum + esmNames[specifier].length, 0);
  return `alone with [${project.packages.join(', ')}]: ${specifiers.length} entry point(s), ${total} exports via import, require and types`;
}

async function listExports(dir, specifiers, loader) {
  const script =
    loader === 'import'
      ? `const names = {}; for (const s of ${JSON.stringify(specifiers)}) names[s] = Object.keys(await import(s)).filter((n) => n !== 'default' && n !== 'module.exports').sort(); console.log(JSON.stringify(names));`
      : `const names = {}; for (const s of ${JSON.stringify(specifiers)}) names[s] = Object.keys(require(s)).sort(); console.log(JSON.stringify(names));`;
  const output = await runOrThrow(
    process.execPath,
    ['--input-type', loader === 'import' ? 'module' : 'commonjs', '-e', script],
    {
      cwd: dir,
    },
  );
  return JSON.parse(output.trim().split('\n').at(-1));
}

/**
 * Copies smoke programs into a project holding exactly the closure of `packages`, checks that the
 * programs import nothing outside `packages`, then runs them with Node (.mjs/.cjs) or type-checks
 * them (.ts/.cts) under node16, nodenext and bundler resolution.
 */
export async function checkSmokeProgram({ files, packages }, context) {
  for (const file of files) {
    const used = importedPackages(readFileSync(join(SMOKE_DIR, file), 'utf8'));
    const unnamed = used.filter((name) => !packages.includes(name));
    if (unnamed.length > 0) throw new Error(`${file} imports ${unnamed}, which the scenario does not name`);
  }
  const project = await installProject(
    context.workDir,
    packages,
    context.packages,
    context.packed,
    context.projects,
  );
  for (const file of files) copyFileSync(join(SMOKE_DIR, file), join(project.dir, basename(file)));
  const notes = [];
  const programs = files.filter((file) => /\.(mjs|cjs)$/.test(file));
  for (const file of programs) {
    const output = await runOrThrow(process.execPath, [basename(file)], { cwd: project.dir });
    notes.push(output.trim().split('\n').at(-1));
  }
  const typed = files.filter((file) => /\.(ts|cts|mts)$/.test(file));
  if (typed.length > 0) {
    for (const mode of Object.keys(RESOLUTION_MODES)) {
      // A .cts file only exists under Node's module system; bundler resolution has no CommonJS mode.
      const forMode = mode === 'bundler' ? typed.filter((file) => file.endsWith('.ts')) : typed;
      await typeCheck(
        project.dir,
        forMode.map((file) => basename(file)),
        mode,
      );
    }
    notes.push(`tsc --noEmit clean under ${Object.keys(RESOLUTION_MODES).join(', ')}`);
  }
  return `[${project.packages.join(', ')}] ${notes.join('; ')}`;
}
