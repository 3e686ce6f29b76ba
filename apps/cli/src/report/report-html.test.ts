import { expect, test } from 'vitest';
import { BASE_CONFIG } from '../config/train-config';
import type { EpochRow } from '../training/metrics-row';
import { renderReport } from './report-html';

const epochs: EpochRow[] = [1, 2, 3].map((epoch) => ({
  epoch,
  train_loss: 1 / epoch,
  train_acc: 0.8 + epoch / 100,
  val_loss: 1.1 / epoch,
  val_acc: 0.79 + epoch / 100,
  lr: 1e-3,
  seconds: 2,
  samples_per_sec: 5000,
}));

const html = renderReport({
  recipe: { name: 'mnist-mlp', description: 'an <MLP> & friends' },
  config: { ...BASE_CONFIG, recipe: 'mnist-mlp', backend: 'js', model: { hidden: [8] } },
  epochs,
  test: { test_loss: 0.07, test_acc: 0.9812, checkpoint: 'best', test_samples: 10000 },
  sections: [{ title: 'Extra plot', html: '<svg class="chart"></svg>', caption: 'a caption' }],
  parameterCount: 535818,
  createdAt: new Date('2025-01-01T00:00:00Z'),
});

test('the report states the result in its headline', () => {
  expect(html).toContain('mnist-mlp trained for 3 epochs (6.0s) and reached 98.12% test accuracy');
});

test('the report has loss and accuracy charts, the config and the recipe sections', () => {
  expect(html.match(/<svg/g)?.length).toBe(3);
  expect(html).toContain('Loss per epoch');
  expect(html).toContain('Accuracy per epoch');
  expect(html).toContain('<th>model</th><td>{&quot;hidden&quot;:[8]}</td>');
  expect(html).toContain('<h2>Extra plot</h2>');
  expect(html).toContain('535,818');
});

test('the report is self-contained: no URLs, scripts or external resources', () => {
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/<script|<link|<img|@import|url\(/);
  expect(html).toContain('an &lt;MLP&gt; &amp; friends');
});
