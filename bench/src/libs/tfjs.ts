import { createRequire } from 'node:module';
import type { CaseSpec, Contender, ElementwiseOp, PreparedCase, UnavailableContender } from '../types';
import { prepareTfjsSmall } from './tfjs-small';
import { prepareTfjsTraining } from './tfjs-train';

type Tf = typeof import('@tensorflow/tfjs-core');
type TfTensor = import('@tensorflow/tfjs-core').Tensor;

function tensorCase(inputs: TfTensor[], op: () => TfTensor): PreparedCase {
  return {
    run: () => op().dispose(),
    dispose: () => {
      for (const input of inputs) input.dispose();
    },
  };
}

function elementwise(tf: Tf, op: ElementwiseOp, a: TfTensor, b: TfTensor): () => TfTensor {
  switch (op) {
    case 'add':
      return () => tf.add(a, b);
    case 'relu':
      return () => tf.relu(a);
    case 'exp':
      return () => tf.exp(a);
    case 'sum':
      return () => tf.sum(a);
  }
}

/** Builds a case's inputs on the active tfjs backend; images are NHWC, the layout tfjs runs natively. */
async function prepareTfjsCase(tf: Tf, spec: CaseSpec): Promise<PreparedCase> {
  switch (spec.suite) {
    case 'matmul': {
      const a = tf.randomNormal([spec.n, spec.n], 0, 1, 'float32', 1);
      const b = tf.randomNormal([spec.n, spec.n], 0, 1, 'float32', 2);
      return tensorCase([a, b], () => tf.matMul(a, b));
    }
    case 'conv': {
      const [n, c, h, w] = spec.input;
      const x = tf.randomNormal([n, h, w, c], 0, 1, 'float32', 1) as import('@tensorflow/tfjs-core').Tensor4D;
      const filter = tf.randomNormal([3, 3, c, spec.outChannels], 0, 1, 'float32', 2) as typeof x;
      return tensorCase([x, filter], () => tf.conv2d(x, filter, 1, 'same'));
    }
    case 'elementwise': {
      const a = tf.randomNormal([spec.size], 0, 1, 'float32', 1);
      const b = tf.randomNormal([spec.size], 0, 1, 'float32', 2);
      return tensorCase([a, b], elementwise(tf, spec.op, a, b));
    }
    case 'dispatch': {
      const a = tf.randomNormal([spec.size], 0, 1, 'float32', 1);
      const b = tf.randomNormal([spec.size], 0, 1, 'float32', 2);
      return tensorCase([a, b], () => tf.add(a, b));
    }
    case 'train':
      return prepareTfjsTraining(tf, spec);
    case 'small':
      return prepareTfjsSmall(tf, spec);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Registers tfjs's gradient functions, which the Node build of tfjs-core leaves out (the
 * `@tensorflow/tfjs` umbrella adds them; it is not a peer here). The module is ES syntax in a
 * CommonJS package: it loads through `require` under tsx, which `pnpm bench` runs in. Returns
 * the reason when it cannot load, so training reports it rather than failing the run.
 */
function registerTfjsGradients(): string | undefined {
  try {
    createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');
    return undefined;
  } catch (error) {
    return `tfjs gradients not registered: ${reasonOf(error)}`;
  }
}

/**
 * TensorFlow.js 4 on its WebAssembly backend (SIMD; one thread in Node, where its threaded build
 * is not used) and on its plain-JavaScript cpu backend. Either one becomes an unavailable column
 * when the package is missing or its backend fails to initialise.
 */
export async function createTfjs(): Promise<(Contender | UnavailableContender)[]> {
  let tf: Tf;
  let tfWasm: typeof import('@tensorflow/tfjs-backend-wasm');
  try {
    tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    tfWasm = await import('@tensorflow/tfjs-backend-wasm');
  } catch (error) {
    const reason = `TensorFlow.js does not load: ${reasonOf(error)}`;
    return [
      { lib: 'tfjs-wasm', threads: 1, label: 'tfjs-wasm', reason },
      { lib: 'tfjs-cpu', threads: 1, label: 'tfjs-cpu', reason },
    ];
  }
  const gradientProblem = registerTfjsGradients();
  const contenders: (Contender | UnavailableContender)[] = [];
  for (const name of ['wasm', 'cpu'] as const) {
    const lib = name === 'wasm' ? 'tfjs-wasm' : 'tfjs-cpu';
    try {
      if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') failed`);
      await tf.ready();
      const threads = name === 'wasm' ? tfWasm.getThreadsCount() : 1;
      const simd = name === 'wasm' && (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? ' SIMD,' : '';
      contenders.push({
        lib,
        threads,
        label: lib,
        description: `${lib}: @tensorflow/tfjs-core ${tf.version_core},${simd} ${threads} thread(s)${gradientProblem ? ` (${gradientProblem})` : ''}`,
        activate: async () => {
          await tf.setBackend(name);
          await tf.ready();
        },
        prepare: (spec) => prepareTfjsCase(tf, spec),
        destroy: async () => {},
      });
    } catch (error) {
      contenders.push({ lib, threads: 1, label: lib, reason: reasonOf(error) });
    }
  }
  return contenders;
}
