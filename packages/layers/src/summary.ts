import { noGrad } from '@nagare/autograd';
import { type DType, Tensor, tidy, zeros } from '@nagare/tensor';
import type { AnyModule } from './module';

const RULE_CHAR = '=';

function countOwn(module: AnyModule): number {
  return module.parameters({ recurse: false }).reduce((total, p) => total + p.size, 0);
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function describeModule(path: string, module: AnyModule): string {
  const depth = path ? path.split('.').length : 0;
  const type = module.constructor.name;
  const extra = module.extraRepr();
  const kind = extra ? `${type}: ${extra}` : type;
  const name = path.split('.').at(-1);
  return `${'  '.repeat(depth)}${path ? `${name} (${kind})` : kind}`;
}

/**
 * The table behind `Module.toString()` and `summary()`: one row per module (indented by depth)
 * with its own parameter count, an output-shape column when `outputShapes` is given, and totals.
 */
export function formatModuleTable(model: AnyModule, outputShapes?: ReadonlyMap<AnyModule, string>): string {
  const modules = model.namedModules();
  const header = outputShapes ? ['Layer (type)', 'Output shape', 'Param #'] : ['Layer (type)', 'Param #'];
  const rows = modules.map(([path, module]) => {
    const cells = [describeModule(path, module), formatCount(countOwn(module))];
    if (outputShapes) cells.splice(1, 0, outputShapes.get(module) ?? '—');
    return cells;
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const last = header.length - 1;
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === last ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('   ');
  const rule = RULE_CHAR.repeat(widths.reduce((total, w) => total + w, 0) + 3 * last);
  const total = model.numParameters();
  const trainable = model.numParameters({ trainableOnly: true });
  return [
    line(header),
    rule,
    ...rows.map(line),
    rule,
    `Total parameters: ${formatCount(total)}`,
    `Trainable parameters: ${formatCount(trainable)}`,
    `Non-trainable parameters: ${formatCount(total - trainable)}`,
  ].join('\n');
}

function formatOutput(output: unknown): string {
  if (output instanceof Tensor) return `[${output.shape.join(', ')}]`;
  if (Array.isArray(output)) return output.map(formatOutput).join(', ');
  return '—';
}

/** Options of `summary`. */
export interface SummaryOptions {
  /** dtype of the zero input(s) (default float32). */
  dtype?: DType;
}

/**
 * A Keras-style summary of `model`: every module with its output shape and parameter count, and
 * the totals. The output shapes come from one forward pass on zeros of `inputShape` (one shape,
 * or a list of shapes for a model with several inputs), run without gradients in evaluation mode so
 * BatchNorm's running statistics are not touched; the model's modes are restored after.
 *
 * @example
 * console.log(summary(model, [1, 1, 28, 28]));
 * // Layer (type)              Output shape     Param #
 * // features (Sequential)     [1, 16, 4, 4]          0 ...
 */
export function summary(
  model: AnyModule,
  inputShape: readonly number[] | readonly (readonly number[])[],
  options: SummaryOptions = {},
): string {
  const shapes = (Array.isArray(inputShape[0]) ? inputShape : [inputShape]) as readonly (readonly number[])[];
  const modes = model.modules().map((module) => [module, module.training] as const);
  const outputShapes = new Map<AnyModule, string>();
  const removers = model
    .modules()
    .map((module) =>
      module.registerForwardHook((called, _inputs, output) => outputShapes.set(called, formatOutput(output))),
    );
  model.eval();
  try {
    // No gradient tape: the pass only measures shapes.
    noGrad(() =>
      tidy(() => {
        model.call(...shapes.map((shape) => zeros(shape, { dtype: options.dtype ?? 'float32' })));
      }),
    );
  } finally {
    for (const remove of removers) remove();
    for (const [module, training] of modes) module.training = training;
  }
  return formatModuleTable(model, outputShapes);
}
