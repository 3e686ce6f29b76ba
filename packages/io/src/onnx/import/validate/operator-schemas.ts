/**
 * What ONNX allows for each operator nagare maps: how many inputs and outputs a node may have and
 * which attributes it may carry. Ranges cover every opset nagare reads (an operator whose bounds
 * moved from attributes to inputs, like Clip-11 or Squeeze-13, allows both forms), taken from the
 * operator documentation in onnx/docs/Operators.md. `Infinity` marks a variadic end.
 */
export interface OperatorSchema {
  /** Fewest and most input slots (omitted optional inputs, `''`, count as slots). */
  readonly inputs: readonly [number, number];
  /** Fewest and most outputs. */
  readonly outputs: readonly [number, number];
  /** Every attribute name the operator defines. */
  readonly attributes: readonly string[];
}

const schema = (
  inputs: readonly [number, number],
  outputs: readonly [number, number],
  attributes: readonly string[] = [],
): OperatorSchema => ({ inputs, outputs, attributes });

const ONE: readonly [number, number] = [1, 1];
const unary = (attributes: readonly string[] = []) => schema(ONE, ONE, attributes);
const binary = () => schema([2, 2], ONE);
const variadic = () => schema([1, Infinity], ONE);

const POOL = ['auto_pad', 'ceil_mode', 'dilations', 'kernel_shape', 'pads', 'strides'];
const CONV = ['auto_pad', 'dilations', 'group', 'kernel_shape', 'pads', 'strides'];
const REDUCE = ['axes', 'keepdims', 'noop_with_empty_axes'];
const ARG_REDUCE = ['axis', 'keepdims', 'select_last_index'];
const RECURRENT = [
  'activation_alpha',
  'activation_beta',
  'activations',
  'clip',
  'direction',
  'hidden_size',
  'layout',
];
const LOSS = ['ignore_index', 'reduction'];

const UNARY_OPS = [
  'Abs',
  'Neg',
  'Sign',
  'Exp',
  'Log',
  'Sqrt',
  'Reciprocal',
  'Sin',
  'Cos',
  'Tanh',
  'Sigmoid',
  'Relu',
  'Erf',
  'Floor',
  'Ceil',
  'Round',
  'IsNaN',
  'Not',
  'Identity',
  'HardSwish',
  'Softplus',
  'Softsign',
  'Mish',
  'GlobalAveragePool',
  'GlobalMaxPool',
];
const BINARY_OPS = [
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Pow',
  'Equal',
  'Greater',
  'GreaterOrEqual',
  'Less',
  'LessOrEqual',
  'And',
  'Or',
  'Xor',
  'MatMul',
  'PRelu',
];
const REDUCE_OPS = [
  'ReduceSum',
  'ReduceMean',
  'ReduceMax',
  'ReduceMin',
  'ReduceProd',
  'ReduceLogSumExp',
  'ReduceSumSquare',
  'ReduceL1',
  'ReduceL2',
  'ReduceLogSum',
];

/**
 * The schema of every operator nagare maps, keyed like `ONNX_OPERATORS` (`Domain:OpType` outside
 * ai.onnx). The training operators apps/conformance maps (Adam, Adagrad, Momentum) are listed too,
 * so a mapping passed in `operators` is checked against ONNX's definition of it.
 */
export const OPERATOR_SCHEMAS: ReadonlyMap<string, OperatorSchema> = new Map<string, OperatorSchema>([
  ...UNARY_OPS.map((op): [string, OperatorSchema] => [op, unary()]),
  ...BINARY_OPS.map((op): [string, OperatorSchema] => [op, binary()]),
  ...REDUCE_OPS.map((op): [string, OperatorSchema] => [op, schema([1, 2], ONE, REDUCE)]),
  ...['Max', 'Min', 'Sum', 'Mean'].map((op): [string, OperatorSchema] => [op, variadic()]),
  ['IsInf', unary(['detect_negative', 'detect_positive'])],
  ['Elu', unary(['alpha'])],
  ['Celu', unary(['alpha'])],
  ['LeakyRelu', unary(['alpha'])],
  ['ThresholdedRelu', unary(['alpha'])],
  ['Selu', unary(['alpha', 'gamma'])],
  ['HardSigmoid', unary(['alpha', 'beta'])],
  ['Gelu', unary(['approximate'])],
  ['Softmax', unary(['axis'])],
  ['LogSoftmax', unary(['axis'])],
  ['Flatten', unary(['axis'])],
  ['Transpose', unary(['perm'])],
  ['Cast', unary(['to', 'saturate', 'round_mode'])],
  ['ArgMax', unary(ARG_REDUCE)],
  ['ArgMin', unary(ARG_REDUCE)],
  ['Clip', schema([1, 3], ONE, ['min', 'max'])],
  [
    'Constant',
    schema([0, 0], ONE, [
      'value',
      'value_float',
      'value_floats',
      'value_int',
      'value_ints',
      'value_string',
      'value_strings',
      'sparse_value',
    ]),
  ],
  ['Where', schema([3, 3], ONE)],
  ['Range', schema([3, 3], ONE)],
  ['Expand', binary()],
  ['Gather', schema([2, 2], ONE, ['axis'])],
  ['OneHot', schema([3, 3], ONE, ['axis'])],
  ['CumSum', schema([2, 2], ONE, ['exclusive', 'reverse'])],
  ['Concat', schema([1, Infinity], ONE, ['axis'])],
  ['Split', schema([1, 2], [1, Infinity], ['axis', 'num_outputs', 'split'])],
  ['Slice', schema([1, 5], ONE, ['axes', 'ends', 'starts'])],
  ['Pad', schema([1, 4], ONE, ['mode', 'pads', 'value'])],
  ['TopK', schema([1, 2], [2, 2], ['axis', 'k', 'largest', 'sorted'])],
  ['Reshape', schema([1, 2], ONE, ['allowzero', 'shape'])],
  // Shape-15 added start and end; earlier opsets have none.
  ['Shape', unary(['end', 'start'])],
  ['Squeeze', schema([1, 2], ONE, ['axes'])],
  ['Unsqueeze', schema([1, 2], ONE, ['axes'])],
  ['Einsum', schema([1, Infinity], ONE, ['equation'])],
  ['Gemm', schema([2, 3], ONE, ['alpha', 'beta', 'transA', 'transB'])],
  ['Conv', schema([2, 3], ONE, CONV)],
  ['ConvTranspose', schema([2, 3], ONE, [...CONV, 'output_padding', 'output_shape'])],
  ['MaxPool', schema(ONE, [1, 2], [...POOL, 'storage_order'])],
  ['AveragePool', schema(ONE, ONE, [...POOL, 'count_include_pad'])],
  ['Dropout', schema([1, 3], [1, 2], ['ratio', 'seed', 'is_test'])],
  [
    'BatchNormalization',
    schema([5, 5], [1, 5], ['epsilon', 'momentum', 'training_mode', 'spatial', 'is_test']),
  ],
  ['LayerNormalization', schema([2, 3], [1, 3], ['axis', 'epsilon', 'stash_type'])],
  ['InstanceNormalization', schema([3, 3], ONE, ['epsilon'])],
  ['NegativeLogLikelihoodLoss', schema([2, 3], ONE, LOSS)],
  ['SoftmaxCrossEntropyLoss', schema([2, 3], [1, 2], LOSS)],
  ['RNN', schema([3, 6], [0, 2], RECURRENT)],
  ['GRU', schema([3, 6], [0, 2], [...RECURRENT, 'linear_before_reset'])],
  ['LSTM', schema([3, 8], [0, 3], [...RECURRENT, 'input_forget'])],
  ['ai.onnx.preview.training:Gradient', schema([1, Infinity], [1, Infinity], ['xs', 'y', 'zs'])],
  [
    'ai.onnx.preview.training:Adagrad',
    schema([5, Infinity], [2, Infinity], ['decay_factor', 'epsilon', 'norm_coefficient']),
  ],
  [
    'ai.onnx.preview.training:Adam',
    schema(
      [6, Infinity],
      [3, Infinity],
      ['alpha', 'beta', 'epsilon', 'norm_coefficient', 'norm_coefficient_post'],
    ),
  ],
  [
    'ai.onnx.preview.training:Momentum',
    schema([5, Infinity], [2, Infinity], ['alpha', 'beta', 'mode', 'norm_coefficient']),
  ],
]);

/**
 * The opset versions nagare reads, per domain: ai.onnx from its first release to the newest the
 * conformance suite was checked against (opset 28), with headroom for two releases.
 */
export const SUPPORTED_OPSETS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['', [1, 30]],
  ['ai.onnx.preview.training', [1, 1]],
]);

/** Opset bounds for a domain nagare does not define (operators supplied by the caller). */
export const CUSTOM_DOMAIN_OPSETS: readonly [number, number] = [1, 10_000];
