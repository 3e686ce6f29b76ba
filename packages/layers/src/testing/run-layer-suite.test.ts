import { type Backend, createJsBackend } from '@nagare/tensor';
import { asyncOnlyBackend, corruptKernel, testBackends } from '@nagare/tensor/testing';
import { describe, expect, test } from 'vitest';
import * as layers from '../index';
import { Module } from '../module';
import { LAYER_CASES } from './layer-cases';
import { runLayerSuite } from './run-layer-suite';

describe('runLayerSuite', () => {
  test('has a case for every layer class @nagare/layers exports (containers of modules aside)', () => {
    const holders = new Set(['Module', 'ModuleDict', 'ModuleList', 'BatchNorm']);
    const classes = Object.entries(layers)
      .filter(
        ([name, value]) =>
          typeof value === 'function' && value.prototype instanceof Module && !holders.has(name),
      )
      .map(([name]) => name);
    const covered = new Set(LAYER_CASES.map((c) => c.layer));
    expect(classes.filter((name) => !covered.has(name))).toEqual([]);
  });

  const backends: Promise<Backend[]> = testBackends();
  test('matches the js backend for every case on each test backend and on it with async-only reads', async () => {
    for (const backend of await backends) {
      for (const candidate of [backend, asyncOnlyBackend(backend)]) {
        const report = await runLayerSuite(candidate);
        expect(report.results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.message}`)).toEqual([]);
        expect(report.total).toBe(LAYER_CASES.length);
      }
    }
  }, 120_000);

  test('reports the layers whose results a wrong kernel changes', async () => {
    const report = await runLayerSuite(asyncOnlyBackend(corruptKernel(createJsBackend(), 'conv2d')));
    const failed = new Set(report.results.filter((r) => !r.passed).map((r) => r.subject));
    expect(failed.has('Conv2d')).toBe(true);
    expect(failed.has('ReLU')).toBe(false);
  });
});
