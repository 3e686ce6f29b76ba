// `pnpm bench --profile [--threads 1,2] [--model mlp,cnn,tiny]`: where one training step's time goes
// on nagare-wasm, printed as markdown (progress on stderr).

import type { SimdPreference } from '../libs/nagare';
import { formatProfile } from './format-profile';
import { PROFILE_MODELS, type ProfileModel, profileStep } from './profile-step';

const BATCH_SIZES: Record<ProfileModel, number> = { mlp: 64, cnn: 64, tiny: 32 };

/** Profiles every model at every thread count and prints the tables. */
export async function runProfile(options: {
  models?: readonly ProfileModel[];
  threads?: readonly number[];
  simd?: SimdPreference;
  log: (line: string) => void;
}): Promise<string> {
  const sections: string[] = [
    '## Profile of one training step on nagare-wasm',
    '',
    'Kernel and allocator calls are timed one by one (the timers add ≈ 0.1 µs per call, so the step with timers ' +
      'is a little slower than without); "outside kernels" is the rest of each phase\'s wall time.',
    '',
  ];
  for (const model of options.models ?? PROFILE_MODELS) {
    for (const threads of options.threads ?? [1, 2]) {
      options.log(`profiling ${model} on ${threads} thread(s)…`);
      const profile = await profileStep(model, threads, { simd: options.simd });
      sections.push(formatProfile(profile, BATCH_SIZES[model]));
    }
  }
  return sections.join('\n');
}
