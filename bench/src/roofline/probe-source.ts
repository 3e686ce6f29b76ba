// AssemblyScript source of the roofline probe, compiled when a run starts (roofline.ts). Twelve
// independent multiply-add chains keep both vector FMA ports busy (latency ≈ 4–5 cycles × 2 ports
// needs ≥ 10 chains, and twelve accumulators plus two constants still fit V8's 16 XMM registers),
// so `madd` runs at the core's peak float32 SIMD rate; `copy` streams memory at its copy bandwidth.

/** The probe for a SIMD level: relaxed SIMD multiplies and adds in one instruction. */
export function probeSource(isRelaxed: boolean): string {
  const step = isRelaxed ? 'f32x4.relaxed_madd(a, x, y)' : 'f32x4.add(f32x4.mul(a, x), y)';
  const chains = Array.from({ length: 12 }, (_, i) => i);
  return `
export const CHAINS: i32 = ${chains.length};

// @ts-ignore: decorator
@inline function step(a: v128, x: v128, y: v128): v128 {
  return ${step};
}

/** 12 chains × iterations multiply-adds of four lanes; returns a lane so nothing is dead code. */
export function madd(iterations: i32): f32 {
  const x = f32x4.splat(0.999999);
  const y = f32x4.splat(0.000001);
${chains.map((i) => `  let a${i} = f32x4.splat(${i + 1});`).join('\n')}
  for (let i = 0; i < iterations; i++) {
${chains.map((i) => `    a${i} = step(a${i}, x, y);`).join('\n')}
  }
  let s = a0;
${chains
  .slice(1)
  .map((i) => `  s = f32x4.add(s, a${i});`)
  .join('\n')}
  return f32x4.extract_lane(s, 0);
}

/** Copies bytes from source to target (memory.copy: the engine's streaming copy). */
export function copy(target: usize, source: usize, bytes: usize): void {
  memory.copy(target, source, bytes);
}

/** Grows the memory to at least pages pages. */
export function ensurePages(pages: i32): void {
  const have = memory.size();
  if (have < pages) memory.grow(pages - have);
}
`;
}
