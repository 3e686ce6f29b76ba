// The three GEMM shapes of a convolution over one (image, group, row chunk), on the column matrix
// `cols` [k, width] (see im2col). Each handles four output channels per sweep where it can: one
// load of a column value then feeds four multiply-adds, which doubles throughput in V8.

/** acc[t, :] = Σ_p w[channel + t, p] · cols[p, :] for t < count (count 1 to 4; acc is [count, width]). */
export function filtersTimesColumns(
  w: ArrayLike<number>,
  wBase: number,
  k: number,
  count: number,
  cols: Float64Array,
  width: number,
  acc: Float64Array,
): void {
  acc.fill(0, 0, count * width);
  if (count < 4) {
    for (let t = 0; t < count; t++) {
      const base = wBase + t * k;
      const out = t * width;
      for (let p = 0; p < k; p++) {
        const wp = w[base + p];
        const row = p * width;
        for (let j = 0; j < width; j++) acc[out + j] += wp * cols[row + j];
      }
    }
    return;
  }
  for (let p = 0; p < k; p++) {
    const [w0, w1, w2, w3] = [w[wBase + p], w[wBase + k + p], w[wBase + 2 * k + p], w[wBase + 3 * k + p]];
    const row = p * width;
    for (let j = 0; j < width; j++) {
      const v = cols[row + j];
      acc[j] += w0 * v;
      acc[width + j] += w1 * v;
      acc[2 * width + j] += w2 * v;
      acc[3 * width + j] += w3 * v;
    }
  }
}

/** cols[p, :] += Σ_t w[channel + t, p] · dy[channel + t, :] (the transposed product, for dx). */
export function filtersTransposedTimesGradient(
  w: ArrayLike<number>,
  wBase: number,
  k: number,
  count: number,
  dy: ArrayLike<number>,
  dyBase: number,
  dyStride: number,
  cols: Float64Array,
  width: number,
): void {
  if (count < 4) {
    for (let t = 0; t < count; t++) {
      const [base, g] = [wBase + t * k, dyBase + t * dyStride];
      for (let p = 0; p < k; p++) {
        const wp = w[base + p];
        const row = p * width;
        for (let j = 0; j < width; j++) cols[row + j] += wp * dy[g + j];
      }
    }
    return;
  }
  const [g0, g1, g2, g3] = [dyBase, dyBase + dyStride, dyBase + 2 * dyStride, dyBase + 3 * dyStride];
  for (let p = 0; p < k; p++) {
    const [w0, w1, w2, w3] = [w[wBase + p], w[wBase + k + p], w[wBase + 2 * k + p], w[wBase + 3 * k + p]];
    const row = p * width;
    for (let j = 0; j < width; j++)
      cols[row + j] += w0 * dy[g0 + j] + w1 * dy[g1 + j] + w2 * dy[g2 + j] + w3 * dy[g3 + j];
  }
}

/** grad[channel + t, p] += dy[channel + t, :] · cols[p, :] (for dw; both rows contiguous). */
export function gradientTimesColumns(
  dy: ArrayLike<number>,
  dyBase: number,
  dyStride: number,
  count: number,
  cols: Float64Array,
  width: number,
  k: number,
  grad: Float64Array,
  gradBase: number,
): void {
  if (count < 4) {
    for (let t = 0; t < count; t++) {
      const g = dyBase + t * dyStride;
      for (let p = 0; p < k; p++) {
        const row = p * width;
        let acc = 0;
        for (let j = 0; j < width; j++) acc += dy[g + j] * cols[row + j];
        grad[gradBase + t * k + p] += acc;
      }
    }
    return;
  }
  const [g0, g1, g2, g3] = [dyBase, dyBase + dyStride, dyBase + 2 * dyStride, dyBase + 3 * dyStride];
  for (let p = 0; p < k; p++) {
    const row = p * width;
    let [a0, a1, a2, a3] = [0, 0, 0, 0];
    for (let j = 0; j < width; j++) {
      const v = cols[row + j];
      a0 += dy[g0 + j] * v;
      a1 += dy[g1 + j] * v;
      a2 += dy[g2 + j] * v;
      a3 += dy[g3 + j] * v;
    }
    grad[gradBase + p] += a0;
    grad[gradBase + k + p] += a1;
    grad[gradBase + 2 * k + p] += a2;
    grad[gradBase + 3 * k + p] += a3;
  }
}
