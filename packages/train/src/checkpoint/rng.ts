import { Generator, getDefaultGenerator } from '@nagare/tensor';
import type { Model } from '../types';
import type { GeneratorState, RngState } from './training-state';

/**
 * The generators held in fields of the model's modules (e.g. a seeded dropout layer's), by
 * `modulePath#field`. Private (`#`) fields cannot be seen: a module that owns a stream must expose it.
 */
export function moduleGenerators(model: Model): Map<string, Generator> {
  const found = new Map<string, Generator>();
  for (const [path, module] of model.namedModules()) {
    for (const [field, value] of Object.entries(module)) {
      if (value instanceof Generator) found.set(`${path}#${field}`, value);
    }
  }
  return found;
}

/** The states of the default generator, the model's generators and the batch generator. */
export function captureRng(model: Model, batches: Generator | null): RngState {
  const modules: Record<string, GeneratorState> = {};
  for (const [key, generator] of moduleGenerators(model)) modules[key] = generator.state;
  return { default: getDefaultGenerator().state, modules, batches: batches?.state ?? null };
}

/**
 * Puts every stream back where `saved` says. The default generator is restored in place (not
 * replaced), so modules that hold it keep drawing from the restored stream.
 */
export function restoreRng(model: Model, saved: RngState, batches: Generator | null): void {
  getDefaultGenerator().state = saved.default;
  for (const [key, generator] of moduleGenerators(model)) {
    const state = saved.modules[key];
    if (state) generator.state = state;
  }
  if (batches && saved.batches) batches.state = saved.batches;
}

/** Reseeds the default generator in place, so modules already holding it follow the seed too. */
export function seedDefaultGenerator(seed: number): void {
  getDefaultGenerator().state = new Generator(seed).state;
}
