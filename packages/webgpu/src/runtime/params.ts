/** 32-bit words in every kernel's parameter block (a 256-byte uniform buffer). */
export const PARAMS_WORDS = 64;

/**
 * Builds a kernel's parameter block: sizes, shapes, strides as u32/i32 and attributes as f32 bits,
 * read in WGSL with `pu(i)`, `pi(i)` and `pf(i)` (see `PARAMS_WGSL`).
 */
export class Params {
  readonly words = new Uint32Array(PARAMS_WORDS);
  private readonly floats = new Float32Array(this.words.buffer);
  private readonly ints = new Int32Array(this.words.buffer);
  private length = 0;

  /** Appends unsigned words. */
  u32(...values: readonly number[]): this {
    for (const value of values) this.words[this.next()] = value;
    return this;
  }

  /** Appends signed words (negative steps and offsets). */
  i32(...values: readonly number[]): this {
    for (const value of values) this.ints[this.next()] = value;
    return this;
  }

  /** Appends float32 words (rounded from the float64 attribute). */
  f32(...values: readonly number[]): this {
    for (const value of values) this.floats[this.next()] = value;
    return this;
  }

  /** Words appended so far. */
  get count(): number {
    return this.length;
  }

  private next(): number {
    if (this.length >= PARAMS_WORDS) {
      // Only a kernel bug gets here: kernels size their parameters from bounded ranks.
      throw new RangeError(`webgpu: a kernel needs more than ${PARAMS_WORDS} parameter words`);
    }
    return this.length++;
  }
}

/** The WGSL declaration of the parameter block (binding 0) and its typed accessors. */
export const PARAMS_WGSL = /* wgsl */ `
struct Params { w: array<vec4<u32>, ${PARAMS_WORDS / 4}> }
@group(0) @binding(0) var<uniform> params: Params;
fn pu(i: u32) -> u32 { return params.w[i / 4u][i % 4u]; }
fn pi(i: u32) -> i32 { return bitcast<i32>(pu(i)); }
fn pf(i: u32) -> f32 { return bitcast<f32>(pu(i)); }
`;
