import type { DType } from '@nagare/tensor';
import { WORKGROUP_SIZE } from '../runtime/gpu-runtime';
import { PARAMS_WGSL } from '../runtime/params';

/** The WGSL scalar type a dtype is stored as: float32 → f32, int32 → i32, bool → u32 (0/1). */
export type WgslType = 'f32' | 'i32' | 'u32';

export function wgslType(dtype: DType): WgslType {
  return dtype === 'float32' ? 'f32' : dtype === 'int32' ? 'i32' : 'u32';
}

/** `expr` of WGSL type `from` converted to `to` (a no-op when they match). */
export function convert(expr: string, from: WgslType, to: WgslType): string {
  return from === to ? expr : `${to}(${expr})`;
}

/** A storage buffer declaration at `binding` (1…n; 0 is the parameter block). */
export function storage(binding: number, name: string, dtype: DType, access: 'read' | 'read_write'): string {
  return `@group(0) @binding(${binding}) var<storage, ${access}> ${name}: array<${wgslType(dtype)}>;`;
}

/** A storage buffer of raw 32-bit words, for kernels that move values without looking at them. */
export function wordStorage(binding: number, name: string, access: 'read' | 'read_write'): string {
  return `@group(0) @binding(${binding}) var<storage, ${access}> ${name}: array<u32>;`;
}

/**
 * Float helpers that do not trust the GPU's NaN handling: WGSL lets implementations assume NaN
 * never occurs, so `x != x` may fold to false. Bit tests always work.
 */
export const FLOAT_HELPERS = /* wgsl */ `
fn isNan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn isInf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
// Private variables, not constants: a constant NaN or ∞ is a shader compile error in WGSL.
var<private> NAN_BITS: u32 = 0x7fc00000u;
var<private> INF_BITS: u32 = 0x7f800000u;
fn nan() -> f32 { return bitcast<f32>(NAN_BITS); }
fn inf() -> f32 { return bitcast<f32>(INF_BITS); }
`;

/**
 * Strided index helper: the flat index into an operand for output element `i`, given the output
 * shape at parameter word `shapeAt` (rank words) and the operand's strides at `stridesAt` (0 on
 * broadcast axes, negative for reversed slices), plus `offsetAt`'s signed start offset.
 */
export const STRIDED_INDEX = /* wgsl */ `
fn stridedIndex(i: u32, rank: u32, shapeAt: u32, stridesAt: u32, offset: i32) -> u32 {
  var rest = i;
  var index = offset;
  for (var d = i32(rank) - 1; d >= 0; d--) {
    let dim = pu(shapeAt + u32(d));
    index += i32(rest % dim) * pi(stridesAt + u32(d));
    rest /= dim;
  }
  return u32(index);
}
`;

/**
 * A complete one-thread-per-element shader: declarations, then `main` computing the flat index `i`
 * from a possibly 2-D folded dispatch, returning past `pu(0u)` (the element count), then `body`.
 */
export function elementwiseShader(declarations: readonly string[], body: string): string {
  return `${PARAMS_WGSL}
${declarations.join('\n')}
@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * groups.x + wid.x) * ${WORKGROUP_SIZE}u + lid;
  if (i >= pu(0u)) { return; }
  ${body}
}
`;
}

/** Workgroups for one thread per element. */
export function groupsFor(elements: number): number {
  return Math.ceil(elements / WORKGROUP_SIZE);
}
