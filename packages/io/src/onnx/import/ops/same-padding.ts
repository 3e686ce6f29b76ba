/** Begin and end padding of one axis for auto_pad SAME_UPPER / SAME_LOWER (output = ceil(size / stride)). */
export function samePadding(
  size: number,
  kernel: number,
  stride: number,
  dilation: number,
  mode: string,
): [number, number] {
  const total = Math.max((Math.ceil(size / stride) - 1) * stride + (kernel - 1) * dilation + 1 - size, 0);
  const small = Math.floor(total / 2);
  return mode === 'SAME_UPPER' ? [small, total - small] : [total - small, small];
}
