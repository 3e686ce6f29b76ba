import { valueAndGrad } from '@nagare/autograd';
import type { Tensor } from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

/**
 * Gradient (ai.onnx.preview.training): the derivative of the graph value `y` with respect to each
 * value named in `xs`. The forward part of the graph is evaluated again as a function of the xs,
 * and @nagare/autograd's valueAndGrad differentiates it.
 */
function gradient(c: OnnxOpContext): Tensor[] {
  const attribute = c.node.attributes;
  const xs =
    attribute.xs?.type === 'strings'
      ? attribute.xs.value
      : c.unsupported('attribute xs (strings) is required');
  const y =
    attribute.y?.type === 'string' ? attribute.y.value : c.unsupported('attribute y (string) is required');
  if (attribute.zs) c.unsupported('attribute zs');
  const points = xs.map(
    (name) => c.environment.get(name)?.tensor ?? c.unsupported(`"${name}" is not a graph input`),
  );
  const f = (...args: Tensor[]) =>
    c.runtime.evaluate(c.environment, new Map(xs.map((name, i) => [name, args[i]])), y);
  const { grad } = valueAndGrad(f, { argnums: xs.map((_, i) => i) })(...points);
  return grad;
}

/** Gradient. */
export const gradientOps: OnnxOpTable = { 'ai.onnx.preview.training:Gradient': gradient };
