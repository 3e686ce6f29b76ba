import { Generator, getDefaultGenerator } from '@nagare/tensor';

/** Where a layer or initializer draws its random numbers: a seed (a fresh stream) or a generator. */
export interface RandomSource {
  /** Seed of a new generator owned by the caller (reproducible runs). */
  seed?: number;
  /** A generator to continue drawing from (shared streams). */
  generator?: Generator;
}

/**
 * The generator a random source names: its generator, a new one from its seed, or the default
 * generator (reseed that with `manualSeed`).
 */
export function resolveGenerator(source: RandomSource = {}): Generator {
  if (source.generator) return source.generator;
  if (source.seed !== undefined) return new Generator(source.seed);
  return getDefaultGenerator();
}
