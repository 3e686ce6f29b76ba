import { GRU, LSTM, RNN } from '@nagare/layers';
import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import { OnnxDataType, onnxDataTypeName } from '../../onnx-types';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

// RNN, GRU and LSTM run through @nagare/layers' modules. ONNX stacks the gates in another order
// than PyTorch (and nagare): LSTM i, o, f, c against i, f, g, o; GRU z, r, h against r, z, n; and its
// peepholes i, o, f against nagare's i, f, o. Each list below gives, for each nagare gate, the
// position of that gate in ONNX's order.
const GATE_ORDER = { RNN: [0], GRU: [1, 0, 2], LSTM: [0, 2, 3, 1] } as const;
const PEEPHOLE_ORDER = [0, 2, 1];

type Kind = keyof typeof GATE_ORDER;

// ONNX's default activations; a plain RNN may also use ReLU, the one other form nagare has.
const DEFAULT_ACTIVATIONS: Record<Kind, string[]> = {
  RNN: ['Tanh'],
  GRU: ['Sigmoid', 'Tanh'],
  LSTM: ['Sigmoid', 'Tanh', 'Tanh'],
};

/** Rows of `t` (`[gates·H, …]`) regrouped from ONNX's gate order into nagare's. */
function reorder(t: Tensor, order: readonly number[]): Tensor {
  const blocks = nt.split(t, order.length, 0);
  return nt.concat(
    order.map((i) => blocks[i]),
    0,
  );
}

/** Row `d` of a `[D, …]` input. */
const direction = (t: Tensor, d: number) => nt.reshape(nt.slice(t, [d], [d + 1]), t.shape.slice(1));

/** The RNN's nonlinearity, or unsupported for activations nagare's layers do not have. */
function checkActivations(c: OnnxOpContext, kind: Kind, directions: number): 'tanh' | 'relu' {
  if (c.hasAttribute('activation_alpha') || c.hasAttribute('activation_beta'))
    c.unsupported('activation_alpha / activation_beta');
  const given = c.hasAttribute('activations')
    ? ((c.node.attributes.activations.value as string[]) ?? [])
    : [];
  if (given.length === 0) return 'tanh';
  const perDirection = given.length / directions;
  const forms = new Set(
    Array.from({ length: directions }, (_, d) =>
      given.slice(d * perDirection, (d + 1) * perDirection).join(','),
    ),
  );
  const form = [...forms][0];
  if (forms.size === 1 && form === DEFAULT_ACTIVATIONS[kind].join(',')) return 'tanh';
  if (forms.size === 1 && kind === 'RNN' && form === 'Relu') return 'relu';
  return c.unsupported(`activations ${given.join(', ')}`);
}

/**
 * RNN / GRU / LSTM (opset 7–22): X `[T, N, I]` (`[N, T, I]` with layout 1), W `[D, G·H, I]`,
 * R `[D, G·H, H]`, optional B `[D, 2·G·H]`, sequence_lens `[N]`, initial_h (and initial_c)
 * `[D, N, H]`, P `[D, 3H]`; outputs Y `[T, D, N, H]`, Y_h (and Y_c) `[D, N, H]` (layout 1:
 * `[N, T, D, H]` and `[N, D, H]`).
 */
function recurrent(kind: Kind) {
  return (c: OnnxOpContext): Tensor[] => {
    for (const i of [0, 1, 2]) {
      const type = c.inputType(i);
      if (type !== OnnxDataType.FLOAT && type !== OnnxDataType.DOUBLE)
        c.unsupported(`input ${i} of type ${onnxDataTypeName(type)}`);
    }
    if (c.hasAttribute('clip')) c.unsupported('clip');
    if (c.int('input_forget', 0) !== 0) c.unsupported('input_forget');
    const mode = c.string('direction', 'forward');
    if (mode !== 'forward' && mode !== 'reverse' && mode !== 'bidirectional')
      c.unsupported(`direction "${mode}"`);
    const [x, w, r] = [c.input(0), c.input(1), c.input(2)];
    const directions = w.shape[0];
    const nonlinearity = checkActivations(c, kind, directions);
    const isBatchFirst = c.int('layout', 0) === 1;
    const hidden = c.int('hidden_size', r.shape[2]);
    const bias = c.optionalInput(3);
    const peepholes = kind === 'LSTM' ? c.optionalInput(7) : undefined;
    const options = {
      // A reverse-only layer is the backward half of a bidirectional one.
      bidirectional: mode !== 'forward',
      batchFirst: isBatchFirst,
      bias: bias !== undefined,
      dtype: x.dtype === 'float64' ? ('float64' as const) : ('float32' as const),
    };
    const inputSize = x.shape[2];
    const module =
      kind === 'LSTM'
        ? new LSTM(inputSize, hidden, { ...options, peepholes: peepholes !== undefined })
        : kind === 'GRU'
          ? new GRU(inputSize, hidden, { ...options, resetAfter: c.int('linear_before_reset', 0) !== 0 })
          : new RNN(inputSize, hidden, { ...options, nonlinearity });
    const order = GATE_ORDER[kind];
    const gates = order.length * hidden;
    const state: Record<string, Tensor> = {};
    for (let d = 0; d < directions; d++) {
      const suffix = mode === 'reverse' || d === 1 ? '_l0_reverse' : '_l0';
      state[`weight_ih${suffix}`] = reorder(direction(w, d), order);
      state[`weight_hh${suffix}`] = reorder(direction(r, d), order);
      if (bias) {
        const [ih, hh] = nt.split(direction(bias, d), [gates, gates], 0);
        state[`bias_ih${suffix}`] = reorder(ih, order);
        state[`bias_hh${suffix}`] = reorder(hh, order);
      }
      if (peepholes)
        state[`weight_peephole${suffix}`] = reorder(
          direction(peepholes, d).reshape([3, hidden]),
          PEEPHOLE_ORDER,
        );
    }
    // The unused forward half of a reverse-only layer keeps its random weights.
    module.loadStateDict(state, { strict: mode !== 'reverse' });
    // ONNX's batch-first layout also puts N first in the states; nagare's states are always [D, N, H].
    const toStates = (t: Tensor | undefined) => {
      if (!t) return undefined;
      const batched = isBatchFirst ? nt.transpose(t, [1, 0, 2]) : t;
      if (mode !== 'reverse') return batched;
      return nt.concat([nt.zerosLike(batched), batched], 0);
    };
    const h0 = toStates(c.optionalInput(5));
    const c0 = toStates(c.optionalInput(6));
    const lengths = c.has(4) ? { lengths: nt.cast(c.input(4), 'int32') } : {};
    let output: Tensor;
    let finals: Tensor[];
    if (module instanceof LSTM) {
      const stateShape = [mode === 'reverse' ? 2 : directions, x.shape[isBatchFirst ? 0 : 1], hidden];
      const zeros = () => nt.zeros(stateShape, { dtype: x.dtype });
      const [y, [yh, yc]] = module.call(x, h0 || c0 ? [h0 ?? zeros(), c0 ?? zeros()] : undefined, lengths);
      [output, finals] = [y, [yh, yc]];
    } else {
      const [y, yh] = module.call(x, h0, lengths);
      [output, finals] = [y, [yh]];
    }
    module.dispose();
    return fromNagare(output, finals, { isBatchFirst, isReverseOnly: mode === 'reverse', hidden });
  };
}

/** Y, Y_h and Y_c in ONNX's layout from nagare's `[T, N, D·H]` output and `[D, N, H]` states. */
function fromNagare(
  output: Tensor,
  finals: Tensor[],
  { isBatchFirst, isReverseOnly, hidden }: { isBatchFirst: boolean; isReverseOnly: boolean; hidden: number },
): Tensor[] {
  const [first, second] = output.shape;
  let y = nt.reshape(output, [first, second, -1, hidden]);
  let states = finals;
  if (isReverseOnly) {
    y = nt.slice(y, [1], [2], { axes: [2] });
    states = finals.map((s) => nt.slice(s, [1], [2]));
  }
  return [
    isBatchFirst ? y : nt.transpose(y, [0, 2, 1, 3]),
    ...states.map((s) => (isBatchFirst ? nt.transpose(s, [1, 0, 2]) : s)),
  ];
}

/** RNN, GRU and LSTM. */
export const recurrentOps: OnnxOpTable = {
  RNN: recurrent('RNN'),
  GRU: recurrent('GRU'),
  LSTM: recurrent('LSTM'),
};
