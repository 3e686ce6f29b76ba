import type { Contender, PreparedCase, UnavailableContender } from '../types';
import { onnxCase } from './onnx-models';

type Ort = typeof import('onnxruntime-node');

/** Threads onnxruntime may use inside one op; one, like the single-threaded columns it is compared to. */
const ORT_THREADS = 1;

/**
 * onnxruntime-node (CPU execution provider, one intra-op thread) timing `InferenceSession.run` of
 * a single-operator model built in memory with @nagare/io's ONNX writer. `run` is asynchronous, so
 * its times include one promise round trip per call, as every caller of onnxruntime-node pays.
 */
export async function createOnnxruntime(): Promise<Contender | UnavailableContender> {
  let ort: Ort;
  let writeOnnxModel: typeof import('@nagare/io').writeOnnxModel;
  try {
    ort = await import('onnxruntime-node');
    ({ writeOnnxModel } = await import('@nagare/io'));
  } catch (error) {
    const reason = `onnxruntime-node does not load: ${error instanceof Error ? error.message : String(error)}`;
    return { lib: 'onnxruntime', threads: ORT_THREADS, label: 'onnxruntime', reason };
  }
  const version = ort.env.versions?.node ?? 'unknown version';
  return {
    lib: 'onnxruntime',
    threads: ORT_THREADS,
    label: 'onnxruntime',
    description: `onnxruntime: onnxruntime-node ${version}, CPU, ${ORT_THREADS} intra-op thread(s)`,
    activate: async () => {},
    prepare: async (spec): Promise<PreparedCase> => {
      const { model, feeds } = onnxCase(spec);
      const session = await ort.InferenceSession.create(writeOnnxModel(model), {
        executionProviders: ['cpu'],
        intraOpNumThreads: ORT_THREADS,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      });
      const inputs: Record<string, InstanceType<Ort['Tensor']>> = {};
      for (const feed of feeds) inputs[feed.name] = new ort.Tensor('float32', feed.values, feed.dims);
      return {
        run: () => session.run(inputs),
        dispose: () => {
          void session.release();
        },
      };
    },
    destroy: async () => {},
  };
}
