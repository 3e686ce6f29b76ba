import { defineConfig } from 'tsup';
import { withBrowserBuild } from '../../scripts/browser-build.mjs';

export default defineConfig(withBrowserBuild('@nagare/train'));
