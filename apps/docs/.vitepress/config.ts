import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DefaultTheme, defineConfig } from 'vitepress';

/** The recipe and experiment pages scripts/recipes.mjs generated from the nagare CLI's lists. */
function recipeSidebar(kind: 'recipe' | 'experiment'): DefaultTheme.SidebarItem[] {
  const index = fileURLToPath(new URL('../src/recipes/generated/recipes.json', import.meta.url));
  if (!existsSync(index)) return [];
  const entries = JSON.parse(readFileSync(index, 'utf8')) as { name: string; kind: string }[];
  return entries
    .filter((entry) => entry.kind === kind)
    .map(({ name }) => ({ text: name, link: `/recipes/${name}` }));
}

const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const guide: DefaultTheme.SidebarItem[] = [
  {
    text: 'Getting started',
    items: [
      { text: 'What nagare is', link: '/guide/' },
      { text: 'Install', link: '/guide/install' },
    ],
  },
  {
    text: 'Core',
    items: [
      { text: 'Tensors', link: '/guide/tensors' },
      { text: 'Autograd', link: '/guide/autograd' },
      { text: 'Backends', link: '/guide/backends' },
      { text: 'Memory', link: '/guide/memory' },
    ],
  },
  {
    text: 'Building and training',
    items: [
      { text: 'Layers and models', link: '/guide/layers' },
      { text: 'Optimizers', link: '/guide/optimizers' },
      { text: 'Data', link: '/guide/data' },
      { text: 'Training with fit', link: '/guide/training' },
      { text: 'Checkpoints and resume', link: '/guide/checkpoints' },
      { text: 'The CLI', link: '/guide/cli' },
    ],
  },
  {
    text: 'Beyond nagare',
    items: [
      { text: 'safetensors and ONNX', link: '/guide/interop' },
      { text: 'Scaling out', link: '/guide/scaling-out' },
      { text: 'Bundle sizes', link: '/guide/bundle-sizes' },
    ],
  },
];

const examples: DefaultTheme.SidebarItem[] = [
  {
    text: 'Live examples',
    items: [
      { text: 'Playground', link: '/examples/playground' },
      { text: 'MNIST in the browser', link: '/examples/mnist' },
      { text: 'Convolution, step by step', link: '/examples/convolution' },
      { text: 'Initialization histograms', link: '/examples/init-histograms' },
      { text: 'Optimizer paths', link: '/examples/optimizer-paths' },
    ],
  },
];

const recipes: DefaultTheme.SidebarItem[] = [
  {
    text: 'Recipes',
    items: [
      { text: 'Overview', link: '/recipes/' },
      { text: 'Against the sources', link: '/recipes/comparison' },
    ],
  },
  { text: 'Training recipes', items: recipeSidebar('recipe') },
  { text: 'Experiments', items: recipeSidebar('experiment') },
];

export default defineConfig({
  title: 'nagare',
  description:
    'Deep learning for TypeScript: tensors, autograd, layers, optimizers, data and a WebAssembly backend.',
  srcDir: 'src',
  // Recipe pages are generated into recipes/generated/ but served as /recipes/<name>.
  rewrites: { 'recipes/generated/:name': 'recipes/:name' },
  // Notes are included into the generated recipe pages, not pages of their own; so is the runtime
  // matrix the release checks generate (into the install page).
  srcExclude: [
    'recipes/notes/**',
    'recipes/generated/list.md',
    'recipes/generated/experiments.md',
    'guide/runtime-matrix.md',
  ],
  cleanUrls: false,
  lastUpdated: false,
  // The API reference is typedoc's own HTML under /api/, not VitePress pages.
  ignoreDeadLinks: [/^\/api\//],
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  themeConfig: {
    logo: '/favicon.svg',
    nav: [
      { text: 'Guide', link: '/guide/', activeMatch: '^/guide/' },
      { text: 'Live examples', link: '/examples/playground', activeMatch: '^/examples/' },
      { text: 'Recipes', link: '/recipes/', activeMatch: '^/recipes/' },
      { text: 'API', link: '/api/index.html', target: '_self' },
    ],
    sidebar: { '/guide/': guide, '/examples/': examples, '/recipes/': recipes },
    search: { provider: 'local' },
    outline: { level: [2, 3] },
    socialLinks: [{ icon: 'github', link: 'https://github.com/nagare-dl/nagare' }],
    footer: { message: 'MIT licensed' },
  },
  vite: {
    // Cross-origin isolation, as the preview server (scripts/serve.mjs) sends it, so the wasm
    // backend may use threads in `vitepress dev` too.
    server: { headers: CROSS_ORIGIN_ISOLATION },
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 2000 },
  },
});
