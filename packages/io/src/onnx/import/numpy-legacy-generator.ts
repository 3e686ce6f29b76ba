import { Generator } from '@nagare/tensor';

const STATE_SIZE = 624;
const SHIFT = 397;

/**
 * NumPy's legacy random stream (`np.random.seed(s)` then `np.random.uniform` / `random_sample`):
 * Mersenne Twister MT19937 seeded by `init_genrand`, each double built from two 32-bit words as
 * (a >> 5, b >> 6) / 2⁵³. ONNX's training-mode Dropout cases take their masks from that stream;
 * handing this generator to nagare's dropout reproduces them.
 */
export class NumpyLegacyGenerator extends Generator {
  readonly #words = new Uint32Array(STATE_SIZE);
  #position = STATE_SIZE;

  constructor(seed: number) {
    super(0);
    this.#words[0] = seed >>> 0;
    for (let i = 1; i < STATE_SIZE; i++) {
      const previous = this.#words[i - 1];
      this.#words[i] = (Math.imul(1812433253, previous ^ (previous >>> 30)) + i) >>> 0;
    }
  }

  #twist(): void {
    const words = this.#words;
    for (let k = 0; k < STATE_SIZE; k++) {
      const y = (words[k] & 0x80000000) | (words[(k + 1) % STATE_SIZE] & 0x7fffffff);
      words[k] = words[(k + SHIFT) % STATE_SIZE] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.#position = 0;
  }

  /** MT19937's next tempered 32-bit word. */
  override nextUint32(): number {
    if (this.#position >= STATE_SIZE) this.#twist();
    let y = this.#words[this.#position++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

/**
 * The NumPy stream seen from the other end: each float is 1 − u. NumPy's dropout keeps an element
 * when u ≥ ratio; nagare's keeps it when its draw v < 1 − ratio; with v = 1 − u (exact for u = k/2⁵³)
 * both keep the same elements.
 */
export class ComplementedNumpyGenerator extends NumpyLegacyGenerator {
  override nextFloat(): number {
    return 1 - super.nextFloat();
  }
}
