import { writeBroadcastParams } from './broadcast';
import { elementBytes, pointerOf, type WasmKernel } from './context';
import { COST_MEMORY } from './costs';

export const whereKernel: WasmKernel<'where'> = {
  supports: (dtype) => dtype === 'bool',
  run(context, [condition, a, b], _attrs, [y]) {
    const rows = writeBroadcastParams(context.heap, context.params, y.shape, [
      condition.shape,
      a.shape,
      b.shape,
    ]);
    context.tasks.run(
      'whereStrided',
      rows,
      (y.size / rows) * COST_MEMORY,
      0,
      elementBytes(y.dtype),
      pointerOf(condition),
      pointerOf(a),
      pointerOf(b),
      pointerOf(y),
      context.params,
    );
  },
};
