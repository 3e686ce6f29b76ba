// where(condition, a, b) with three-way broadcasting: the outer axes are walked like
// binaryStrided; the innermost run reads each operand contiguously or as one repeated value.

// @ts-ignore: decorator
@inline function whereRun<T>(c: usize, a: usize, b: usize, y: usize, n: i32, sc: usize, sa: usize, sb: usize): void {
  const size = sizeof<T>();
  let start = 0;
  if (size == 4 && sc == 1) {
    // Four 4-byte elements at a time: widen four condition bytes to lane masks and select.
    const splatA = v128.load32_splat(a);
    const splatB = v128.load32_splat(b);
    for (; start + 4 <= n; start += 4) {
      const k = <usize>start;
      const flags = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(c + k)));
      const mask = i32x4.ne(flags, i32x4.splat(0));
      const va = sa ? v128.load(a + (k << 2)) : splatA;
      const vb = sb ? v128.load(b + (k << 2)) : splatB;
      v128.store(y + (k << 2), v128.bitselect(va, vb, mask));
    }
  }
  for (let i = start; i < n; i++) {
    const k = <usize>i;
    store<T>(y + k * size, load<u8>(c + k * sc) ? load<T>(a + k * sa * size) : load<T>(b + k * sb * size));
  }
}

/**
 * Layout of `params` (int32): rank, shape[rank], strides of condition, a and b [rank] each.
 * `bytes` is the element size of a, b and y (1, 4 or 8). Runs outer rows [begin, end).
 */
export function whereStrided(begin: i32, end: i32, bytes: i32, c: usize, a: usize, b: usize, y: usize, params: usize): void {
  const rank = load<i32>(params);
  const shape = params + 4;
  const stridesC = shape + (<usize>rank << 2);
  const stridesA = stridesC + (<usize>rank << 2);
  const stridesB = stridesA + (<usize>rank << 2);
  const last = <usize>(rank - 1) << 2;
  const inner = load<i32>(shape + last);
  const sc = <usize>load<i32>(stridesC + last);
  const sa = <usize>load<i32>(stridesA + last);
  const sb = <usize>load<i32>(stridesB + last);
  const size = <usize>bytes;
  for (let row = begin; row < end; row++) {
    let rest = row;
    let offsetC = 0;
    let offsetA = 0;
    let offsetB = 0;
    for (let axis = rank - 2; axis >= 0; axis--) {
      const at = <usize>axis << 2;
      const length = load<i32>(shape + at);
      const coordinate = rest % length;
      rest /= length;
      offsetC += coordinate * load<i32>(stridesC + at);
      offsetA += coordinate * load<i32>(stridesA + at);
      offsetB += coordinate * load<i32>(stridesB + at);
    }
    const pc = c + <usize>offsetC;
    const pa = a + <usize>offsetA * size;
    const pb = b + <usize>offsetB * size;
    const py = y + <usize>row * <usize>inner * size;
    if (bytes == 4) whereRun<u32>(pc, pa, pb, py, inner, sc, sa, sb);
    else if (bytes == 8) whereRun<u64>(pc, pa, pb, py, inner, sc, sa, sb);
    else whereRun<u8>(pc, pa, pb, py, inner, sc, sa, sb);
  }
}
