/**
 * A small seeded generator (mulberry32) for the fuzz corpus: case `index` of a format always gets
 * the same stream, whichever child process runs it, so any failure reproduces from its number.
 */
export class FuzzRandom {
  #state: number;

  constructor(...seeds: number[]) {
    // Mix the seeds (FNV-1a over their 32-bit words) into one starting state.
    let hash = 0x811c9dc5;
    for (const seed of seeds) {
      hash ^= seed >>> 0;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    this.#state = hash;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** One of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** A stable 32-bit number for a format name, so each format's corpus differs. */
export function nameSeed(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
  return hash;
}
