// Loads and stores of the 1–3 float32/int32 lanes left over at the end of an array, so the last
// elements go through the same vector code as the rest (and give bit-identical results).

/** The first `count` (1–3) 32-bit lanes at `p`; the other lanes are zero. */
// @ts-ignore: decorator
@inline export function loadPartial32(p: usize, count: i32): v128 {
  let v = v128.load32_zero(p);
  if (count > 1) v = v128.load32_lane(p, v, 1, 4);
  if (count > 2) v = v128.load32_lane(p, v, 2, 8);
  return v;
}

/** Stores the first `count` (1–3) 32-bit lanes of `v` at `p`. */
// @ts-ignore: decorator
@inline export function storePartial32(p: usize, v: v128, count: i32): void {
  v128.store32_lane(p, v, 0);
  if (count > 1) v128.store32_lane(p, v, 1, 4);
  if (count > 2) v128.store32_lane(p, v, 2, 8);
}

/** Byte offset of element `i` of a 4-byte array. */
// @ts-ignore: decorator
@inline export function at4(p: usize, i: i32): usize {
  return p + (<usize>i << 2);
}

/** Byte offset of element `i` of an 8-byte array. */
// @ts-ignore: decorator
@inline export function at8(p: usize, i: i32): usize {
  return p + (<usize>i << 3);
}
