// The default VitePress theme plus nagare's live examples, registered as global components so
// any page can embed them (`<PlaygroundDemo />`).
import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import BundleSizes from './components/BundleSizes.vue';
import ConvVisualizer from './components/ConvVisualizer.vue';
import InitHistograms from './components/InitHistograms.vue';
import MnistDemo from './components/MnistDemo.vue';
import OptimizerPaths from './components/OptimizerPaths.vue';
import PlaygroundDemo from './components/PlaygroundDemo.vue';
import './custom.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('PlaygroundDemo', PlaygroundDemo);
    app.component('MnistDemo', MnistDemo);
    app.component('ConvVisualizer', ConvVisualizer);
    app.component('InitHistograms', InitHistograms);
    app.component('OptimizerPaths', OptimizerPaths);
    app.component('BundleSizes', BundleSizes);
  },
} satisfies Theme;
