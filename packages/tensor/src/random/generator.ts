import { ArgumentError } from '../errors/argument-error';
import { philox4x32 } from './philox';

const TWO_POW_32 = 2 ** 32;

/** Checks a seed: a non-negative integer below 2⁵³; otherwise an ArgumentError naming `op`. */
export function checkSeed(op: string, seed: number): number {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new ArgumentError(op, `seed must be a non-negative integer, got ${seed}`);
  return seed;
}

/** A generator's position in its stream: the key (from the seed) and the blocks drawn so far. */
export interface GeneratorState {
  key: [number, number];
  /** 128-bit blocks drawn so far. */
  counter: number;
  /** uint32 words of the last block already used (1–4; 4 when no block is pending). */
  blockUsed: number;
}

const isUint32 = (value: unknown) =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < TWO_POW_32;

function checkState(value: GeneratorState): void {
  const { key, counter, blockUsed } = value ?? {};
  const isValid =
    Array.isArray(key) &&
    key.length === 2 &&
    key.every(isUint32) &&
    Number.isSafeInteger(counter) &&
    counter >= 0 &&
    Number.isInteger(blockUsed) &&
    blockUsed >= 1 &&
    blockUsed <= 4 &&
    (counter > 0 || blockUsed === 4);
  if (!isValid) throw new ArgumentError('Generator', `invalid state ${JSON.stringify(value)}`);
}

/**
 * A seedable random stream (Philox4x32-10, counter-based). The same seed gives the same numbers
 * on every backend and platform; `state` can be saved and restored to resume a stream exactly.
 *
 * @example
 * const g = new Generator(7);
 * rand([2], { generator: g }); // the same two numbers every run
 */
export class Generator {
  #key0: number;
  #key1: number;
  /** Number of 128-bit blocks drawn so far. */
  #counter = 0;
  readonly #block = new Uint32Array(4);
  #blockUsed = 4;

  constructor(seed = 0) {
    checkSeed('Generator', seed);
    this.#key0 = (seed % TWO_POW_32) >>> 0;
    this.#key1 = Math.floor(seed / TWO_POW_32) >>> 0;
  }

  /** The next uniformly distributed uint32. */
  nextUint32(): number {
    if (this.#blockUsed === 4) {
      const c = this.#counter++;
      philox4x32(
        (c % TWO_POW_32) >>> 0,
        Math.floor(c / TWO_POW_32) >>> 0,
        0,
        0,
        this.#key0,
        this.#key1,
        this.#block,
      );
      this.#blockUsed = 0;
    }
    return this.#block[this.#blockUsed++];
  }

  /** A float64 uniform in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A standard normal sample (Box–Muller; one of the pair is used so the stream position is simple). */
  nextNormal(): number {
    let u = this.nextFloat();
    while (u === 0) u = this.nextFloat();
    const v = this.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A uniform integer in [0, n), without modulo bias. */
  nextInt(n: number): number {
    if (n <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      let x = this.nextUint32();
      while (x >= limit) x = this.nextUint32();
      return x % n;
    }
    return Math.floor(this.nextFloat() * n);
  }

  /**
   * The stream position (plain numbers, JSON-safe), to save with a checkpoint. Assigning a saved
   * state makes the generator continue exactly where it was.
   *
   * @example
   * const saved = g.state;
   * const a = rand([3], { generator: g });
   * g.state = saved; // rand([3], { generator: g }) now equals a
   */
  get state(): GeneratorState {
    return { key: [this.#key0, this.#key1], counter: this.#counter, blockUsed: this.#blockUsed };
  }

  set state(value: GeneratorState) {
    checkState(value);
    [this.#key0, this.#key1] = value.key;
    this.#counter = value.counter - (value.blockUsed < 4 ? 1 : 0);
    this.#blockUsed = 4;
    // Re-draw the partly used block so the next number continues exactly where the stream was.
    if (value.blockUsed < 4) for (let i = 0; i < value.blockUsed; i++) this.nextUint32();
  }
}

let defaultGenerator = new Generator(0);

/**
 * Reseeds the default generator used by random ops without an explicit seed or generator.
 *
 * @example
 * manualSeed(42); // rand([3]) now gives the same numbers on every run
 */
export function manualSeed(seed: number): void {
  defaultGenerator = new Generator(checkSeed('manualSeed', seed));
}

/**
 * The default generator: the one random ops use without a seed or generator option.
 *
 * @example
 * const saved = getDefaultGenerator().state;
 */
export function getDefaultGenerator(): Generator {
  return defaultGenerator;
}
