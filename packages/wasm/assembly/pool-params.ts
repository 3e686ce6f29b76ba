// Byte offsets of the int32 fields of a pooling parameter block (written by src/kernels/pool.ts),
// shared by the general kernels (pool.ts) and the 2×2 fast paths (pool-2x2.ts).
export const HEIGHT = 0;
export const WIDTH = 4;
export const OUT_H = 8;
export const OUT_W = 12;
export const KERNEL_H = 16;
export const KERNEL_W = 20;
export const STRIDE_H = 24;
export const STRIDE_W = 28;
export const PAD_TOP = 32;
export const PAD_LEFT = 36;
export const DILATION_H = 40;
export const DILATION_W = 44;
export const PAD_BOTTOM = 48;
export const PAD_RIGHT = 52;
export const COUNT_INCLUDE_PAD = 56;
