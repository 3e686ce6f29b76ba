import '@nagare/autograd';
import { concat, randn, type Tensor, tensor, transpose } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import {
  type Matrix,
  type ReferenceWeights,
  referenceGruStep,
  referenceLstmStep,
  referenceRnnStep,
} from '../test-support/recurrent-reference';
import { LSTMCell } from './cells';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { RNN } from './rnn';

const f64 = { dtype: 'float64' as const };
const tight = { rtol: 1e-11, atol: 1e-12 };
type Sequence = number[][][]; // [T][N][features]

function weightsOf(module: { stateDict(): Record<string, Tensor> }, suffix: string): ReferenceWeights {
  const dict = module.stateDict();
  const peephole = dict[`weight_peephole${suffix}`];
  return {
    weightIh: dict[`weight_ih${suffix}`].toArray() as Matrix,
    weightHh: dict[`weight_hh${suffix}`].toArray() as Matrix,
    biasIh: dict[`bias_ih${suffix}`].toArray() as number[],
    biasHh: dict[`bias_hh${suffix}`].toArray() as number[],
    ...(peephole ? { peephole: peephole.toArray() as Matrix } : {}),
  };
}

/** Runs `step` over every sequence of the batch in plain arithmetic; returns outputs [T][N][H]. */
function referenceRun(
  xs: Sequence,
  states: Matrix[],
  step: (x: number[], state: Matrix) => Matrix,
): Sequence {
  let current = states; // [stateIndex][n] → per n a list of state vectors
  return xs.map((xt) => {
    current = xt
      .map((x, n) =>
        step(
          x,
          current.map((s) => s[n]),
        ),
      )
      .reduce<Matrix[]>((acc, next) => next.map((s, j) => [...(acc[j] ?? []), s]), []);
    return current[0];
  });
}

describeBackends('RNN, LSTM and GRU', () => {
  test("parameters are named, shaped and ordered as PyTorch's", () => {
    const lstm = new LSTM(3, 4, { numLayers: 2, bidirectional: true });
    expect(lstm.namedParameters().map(([name, p]) => `${name} ${p.shape.join('×')}`)).toEqual([
      'weight_ih_l0 16×3',
      'weight_hh_l0 16×4',
      'bias_ih_l0 16',
      'bias_hh_l0 16',
      'weight_ih_l0_reverse 16×3',
      'weight_hh_l0_reverse 16×4',
      'bias_ih_l0_reverse 16',
      'bias_hh_l0_reverse 16',
      'weight_ih_l1 16×8',
      'weight_hh_l1 16×4',
      'bias_ih_l1 16',
      'bias_hh_l1 16',
      'weight_ih_l1_reverse 16×8',
      'weight_hh_l1_reverse 16×4',
      'bias_ih_l1_reverse 16',
      'bias_hh_l1_reverse 16',
    ]);
    // PyTorch's count: per layer and direction G·H·(in + H) + 2·G·H.
    expect(new GRU(5, 7, { numLayers: 3 }).numParameters()).toBe(
      3 * 7 * (5 + 7) + 6 * 7 + 2 * (3 * 7 * (7 + 7) + 6 * 7),
    );
    expect(new RNN(5, 7, { bias: false }).namedParameters().map(([n]) => n)).toEqual([
      'weight_ih_l0',
      'weight_hh_l0',
    ]);
    const bound = 1 / Math.sqrt(4);
    const values = lstm.parameters().flatMap((p) => Array.from(p.dataSync()));
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...values.map(Math.abs))).toBeGreaterThan(0.99 * bound);
    expect(lstm.extraRepr()).toBe('3, 4, numLayers=2, bidirectional=true');
    expect(
      new LSTM(3, 4, {
        projSize: 2,
        peepholes: true,
        batchFirst: true,
        bias: false,
        dropout: 0.1,
      }).extraRepr(),
    ).toBe('3, 4, bias=false, batchFirst=true, dropout=0.1, projSize=2, peepholes=true');
    expect(new GRU(3, 4, { resetAfter: false }).extraRepr()).toBe('3, 4, resetAfter=false');
    expect(new RNN(3, 4, { nonlinearity: 'relu' }).extraRepr()).toBe('3, 4, nonlinearity=relu');
    lstm.dispose();
  });

  test('a one-layer RNN (tanh and ReLU) steps through time from h0 as the Elman equations', () => {
    const x = randn([4, 2, 3], { seed: 1, ...f64 });
    const h0 = randn([1, 2, 5], { seed: 2, ...f64 });
    for (const nonlinearity of ['tanh', 'relu'] as const) {
      const rnn = new RNN(3, 5, { nonlinearity, seed: 3, ...f64 });
      const w = weightsOf(rnn, '_l0');
      const expected = referenceRun(x.toArray() as Sequence, [(h0.toArray() as Sequence)[0]], (xt, [h]) => [
        referenceRnnStep(xt, h, w, nonlinearity === 'relu'),
      ]);
      const [output, hN] = rnn.call(x, h0);
      expectAllClose(output, expected, tight);
      expectAllClose(hN, [expected[3]], tight);
      rnn.dispose();
    }
  });

  test('GRU (both reset placements) and LSTM with peepholes follow their equations over time', () => {
    const x = randn([3, 2, 3], { seed: 4, ...f64 });
    const zero = [new Array(4).fill(0), new Array(4).fill(0)]; // [N = 2][H = 4]
    for (const resetAfter of [true, false]) {
      const gru = new GRU(3, 4, { resetAfter, seed: 5, ...f64 });
      const w = weightsOf(gru, '_l0');
      const expected = referenceRun(x.toArray() as Sequence, [zero], (xt, [h]) => [
        referenceGruStep(xt, h, w, resetAfter),
      ]);
      expectAllClose(gru.call(x)[0], expected, tight);
      gru.dispose();
    }
    const lstm = new LSTM(3, 4, { peepholes: true, seed: 6, ...f64 });
    const w = weightsOf(lstm, '_l0');
    const expected = referenceRun(x.toArray() as Sequence, [zero, zero], (xt, [h, c]) =>
      referenceLstmStep(xt, h, c, w),
    );
    expectAllClose(lstm.call(x)[0], expected, tight);
    lstm.dispose();
  });

  test('two bidirectional LSTM layers compose the cells: reverse in time, concatenate, stack the states', () => {
    const lstm = new LSTM(3, 4, { numLayers: 2, bidirectional: true, seed: 7, ...f64 });
    const x = randn([5, 2, 3], { seed: 8, ...f64 });
    const h0 = randn([4, 2, 4], { seed: 9, ...f64 });
    const c0 = randn([4, 2, 4], { seed: 10, ...f64 });
    const [output, [hN, cN]] = lstm.call(x, [h0, c0]);
    let layerInput = x;
    const finals: Tensor[][] = [[], []];
    for (let layer = 0; layer < 2; layer++) {
      const directions = [0, 1].map((direction) => {
        const suffix = `_l${layer}${direction ? '_reverse' : ''}`;
        const cell = new LSTMCell(layerInput.shape[2], 4, f64);
        const dict = lstm.stateDict();
        cell.loadStateDict(
          Object.fromEntries(
            ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'].map((k) => [k, dict[`${k}${suffix}`]]),
          ),
        );
        const index = 2 * layer + direction;
        let state: [Tensor, Tensor] = [
          h0.slice([index], [index + 1]).reshape([2, 4]),
          c0.slice([index], [index + 1]).reshape([2, 4]),
        ];
        const outputs: Tensor[] = new Array(5);
        for (let k = 0; k < 5; k++) {
          const t = direction ? 4 - k : k;
          state = cell.call(layerInput.slice([t], [t + 1]).reshape([2, -1]), state);
          outputs[t] = state[0];
        }
        finals[0].push(state[0]);
        finals[1].push(state[1]);
        return outputs;
      });
      layerInput = concat(
        directions[0].map((forward, t) => concat([forward, directions[1][t]], -1).reshape([1, 2, 8])),
        0,
      );
    }
    expect(output.shape).toEqual([5, 2, 8]);
    expectAllClose(output, layerInput, tight);
    expectAllClose(
      hN,
      concat(
        finals[0].map((h) => h.reshape([1, 2, 4])),
        0,
      ),
      tight,
    );
    expectAllClose(
      cN,
      concat(
        finals[1].map((c) => c.reshape([1, 2, 4])),
        0,
      ),
      tight,
    );
    lstm.dispose();
  });

  test('batchFirst transposes input and output but not the states; unbatched input drops N', () => {
    const gru = new GRU(3, 4, { numLayers: 2, seed: 11, ...f64 });
    const batchFirst = new GRU(3, 4, { numLayers: 2, batchFirst: true, ...f64 });
    batchFirst.loadStateDict(gru.stateDict());
    const x = randn([5, 2, 3], { seed: 12, ...f64 });
    const [output, hN] = gru.call(x);
    const [outputBf, hNBf] = batchFirst.call(transpose(x, [1, 0, 2]));
    expect(outputBf.shape).toEqual([2, 5, 4]);
    expectAllClose(outputBf, transpose(output, [1, 0, 2]), tight);
    expectAllClose(hNBf, hN, tight);
    const single = x.slice([0, 1], [5, 2]).reshape([5, 3]);
    const [outputU, hNU] = gru.call(single);
    expect([outputU.shape, hNU.shape]).toEqual([
      [5, 4],
      [2, 4],
    ]);
    expectAllClose(outputU, output.slice([0, 1], [5, 2]).reshape([5, 4]), tight);
    expectAllClose(hNU, hN.slice([0, 1], [2, 2]).reshape([2, 4]), tight);
    gru.dispose();
    batchFirst.dispose();
  });

  test('lengths: padded steps output zeros and each final state is that of its own last step', () => {
    const gru = new GRU(3, 4, { numLayers: 2, bidirectional: true, seed: 13, ...f64 });
    const x = randn([5, 3, 3], { seed: 14, ...f64 });
    const lengths = [5, 2, 4];
    const [output, hN] = gru.call(x, undefined, { lengths });
    lengths.forEach((length, n) => {
      const alone = x.slice([0, n], [length, n + 1]);
      const [outputN, hNN] = gru.call(alone);
      expectAllClose(output.slice([0, n], [length, n + 1]), outputN, tight);
      expectAllClose(hN.slice([0, n], [4, n + 1]), hNN, tight);
      if (length < 5)
        expect(Array.from(output.slice([length, n], [5, n + 1]).dataSync()).every((v) => v === 0)).toBe(true);
    });
    const asTensor = gru.call(x, undefined, { lengths: tensor(lengths, { dtype: 'int32' }) })[0];
    expectAllClose(asTensor, output, tight);
    gru.dispose();
  });

  test('projSize projects h (weight_hr) as PyTorch: h is [·, P], c stays [·, H]', () => {
    const lstm = new LSTM(3, 5, { projSize: 2, numLayers: 2, seed: 15, ...f64 });
    expect(
      lstm
        .namedParameters()
        .filter(([n]) => n.endsWith('_l1'))
        .map(([n, p]) => `${n} ${p.shape.join('×')}`),
    ).toEqual([
      'weight_ih_l1 20×2',
      'weight_hh_l1 20×2',
      'bias_ih_l1 20',
      'bias_hh_l1 20',
      'weight_hr_l1 2×5',
    ]);
    const x = randn([4, 2, 3], { seed: 16, ...f64 });
    const [output, [hN, cN]] = lstm.call(x);
    expect([output.shape, hN.shape, cN.shape]).toEqual([
      [4, 2, 2],
      [2, 2, 2],
      [2, 2, 5],
    ]);
    const w = weightsOf(lstm, '_l0');
    const projection = lstm.stateDict().weight_hr_l0.toArray() as Matrix;
    const project = (h: number[]) => projection.map((row) => row.reduce((s, v, k) => s + v * h[k], 0));
    const first = referenceRun(
      x.toArray() as Sequence,
      [
        [
          [0, 0],
          [0, 0],
        ],
        [new Array(5).fill(0), new Array(5).fill(0)],
      ],
      (xt, [h, c]) => {
        const [hNext, cNext] = referenceLstmStep(xt, h, c, w);
        return [project(hNext), cNext];
      },
    );
    expectAllClose(hN.slice([0], [1]).reshape([2, 2]), first[3], tight);
    lstm.dispose();
  });

  test('dropout between layers acts in training only and is reproducible from the seed', () => {
    const make = () => new LSTM(3, 4, { numLayers: 2, dropout: 0.5, seed: 17 });
    const [a, b] = [make(), make()];
    const plain = new LSTM(3, 4, { numLayers: 2 });
    plain.loadStateDict(a.stateDict());
    const x = randn([4, 2, 3], { seed: 18 });
    const trained = a.call(x)[0];
    expectAllClose(trained, b.call(x)[0]);
    expect(trained.toArray()).not.toEqual(plain.call(x)[0].toArray());
    expectAllClose(a.eval().call(x)[0], plain.call(x)[0]);
    for (const m of [a, b, plain]) m.dispose();
  });
});
