import { noGrad } from '@nagare/autograd';
import { ArgumentError, DTypeError, softmax, type Tensor, tensor, tidy } from '@nagare/tensor';
import { Embedding } from '../layers/embedding';
import { Linear } from '../layers/linear';
import { Module } from '../module';
import { type RandomSource, resolveGenerator } from '../random';
import { GRU } from '../recurrent/gru';
import { LSTM, type LSTMState } from '../recurrent/lstm';
import { RNN } from '../recurrent/rnn';
import { layerOptions, type ModelOptions } from './model-options';

/** The recurrent layer of a `CharRNN`. */
export type CharRnnCell = 'rnn' | 'lstm' | 'gru';

/** The state a `CharRNN` carries between calls: h for RNN and GRU, `[h, c]` for LSTM. */
export type CharRnnState = Tensor | LSTMState;

/** Options of `CharRNN`. */
export interface CharRnnOptions extends ModelOptions {
  /** Size of each character's embedding (default 32). */
  embeddingDim?: number;
  /** Hidden size of the recurrent layers (default 128). */
  hiddenSize?: number;
  /** Stacked recurrent layers (default 2). */
  numLayers?: number;
  /** `'lstm'` (default), `'gru'` or `'rnn'` (tanh). */
  cell?: CharRnnCell;
  /** Dropout between the recurrent layers, in training (default 0). */
  dropout?: number;
}

/** Options of `CharRNN.generate`. */
export interface GenerateOptions extends RandomSource {
  /** Divides the logits before sampling: below 1 is more conservative, above 1 more varied (default 1). */
  temperature?: number;
}

/**
 * A character-level language model (Karpathy's char-rnn): Embedding → stacked LSTM/GRU/RNN →
 * Linear to the vocabulary. `call(tokens, state?)` takes int32 tokens `[N, T]` and returns
 * `[logits [N, T, vocabSize], state]`; train it with `crossEntropy` on the next character, and
 * continue a sequence by passing the returned state back in. Parameters `embedding.weight`,
 * `rnn.*` (PyTorch's names) and `head.weight`/`head.bias`:
 * V·E + (recurrent layers) + H·V + V.
 *
 * @example
 * const model = new CharRNN(65, { hiddenSize: 128, seed: 0 });
 * const [logits] = model.call(tensor([[1, 5, 9]], { dtype: 'int32' })); // [1, 3, 65]
 * model.generate([1, 5], 100, { temperature: 0.8, seed: 1 }); // 100 sampled token ids
 */
export class CharRNN extends Module<[tokens: Tensor, state?: CharRnnState], [Tensor, CharRnnState]> {
  readonly embedding: Embedding;
  readonly rnn: RNN | LSTM | GRU;
  readonly head: Linear;

  constructor(
    readonly vocabSize: number,
    options: CharRnnOptions = {},
  ) {
    super();
    const layer = layerOptions(options);
    const embeddingDim = options.embeddingDim ?? 32;
    const hiddenSize = options.hiddenSize ?? 128;
    const recurrent = {
      numLayers: options.numLayers ?? 2,
      dropout: options.dropout ?? 0,
      batchFirst: true,
      ...layer,
    };
    const cell = options.cell ?? 'lstm';
    if (cell !== 'lstm' && cell !== 'gru' && cell !== 'rnn')
      throw new ArgumentError('CharRNN', `cell must be 'lstm', 'gru' or 'rnn', got "${cell}"`);
    this.embedding = this.registerModule('embedding', new Embedding(vocabSize, embeddingDim, layer));
    const rnn =
      cell === 'lstm'
        ? new LSTM(embeddingDim, hiddenSize, recurrent)
        : cell === 'gru'
          ? new GRU(embeddingDim, hiddenSize, recurrent)
          : new RNN(embeddingDim, hiddenSize, recurrent);
    this.rnn = this.registerModule('rnn', rnn);
    this.head = this.registerModule('head', new Linear(hiddenSize, vocabSize, layer));
  }

  forward(tokens: Tensor, state?: CharRnnState): [Tensor, CharRnnState] {
    if (tokens.dtype !== 'int32')
      throw new DTypeError('CharRNN', 'tokens must be int32 ids', { tokens: tokens.dtype });
    if (tokens.rank !== 2)
      throw new ArgumentError('CharRNN', `tokens must be [N, T], got [${tokens.shape.join(', ')}]`);
    return tidy(() => {
      const embedded = this.embedding.call(tokens);
      const [output, next] =
        this.rnn instanceof LSTM
          ? this.rnn.call(embedded, state as LSTMState | undefined)
          : this.rnn.call(embedded, state as Tensor | undefined);
      return [this.head.call(output), next];
    });
  }

  /** Checks `generate`'s arguments; returns the temperature and the random stream. */
  #generateSetup(op: string, prefix: readonly number[], options: GenerateOptions) {
    const temperature = options.temperature ?? 1;
    if (prefix.length === 0) throw new ArgumentError(op, 'prefix needs at least one token');
    if (!(temperature > 0)) throw new ArgumentError(op, `temperature must be positive, got ${temperature}`);
    return { temperature, generator: resolveGenerator(options) };
  }

  /** One step of sampling: the next-token probabilities (on the backend) and the carried state. */
  #nextProbabilities(input: readonly number[], state: CharRnnState | undefined, temperature: number) {
    return tidy(() => {
      const [logits, nextState] = this.call(tensor([input], { dtype: 'int32' }), state);
      const last = logits.slice([0, input.length - 1], [1, input.length]).reshape([this.vocabSize]);
      return { probabilities: softmax(last.div(temperature), -1), nextState };
    });
  }

  /**
   * Samples `length` tokens after `prefix` (token ids, at least one), one at a time from
   * softmax(logits / temperature), feeding each back in with the carried state. Runs without
   * gradients in evaluation mode (restoring the mode after). Returns only the new tokens. Reads
   * synchronously: on a backend that reads only asynchronously (WebGPU) use `generateAsync`.
   */
  generate(prefix: readonly number[], length: number, options: GenerateOptions = {}): number[] {
    const { temperature, generator } = this.#generateSetup('CharRNN.generate', prefix, options);
    const wasTraining = this.training;
    this.eval();
    try {
      return noGrad(() => {
        const sampled: number[] = [];
        let input = prefix;
        let state: CharRnnState | undefined;
        for (let i = 0; i < length; i++) {
          const next = this.#nextProbabilities(input, state, temperature);
          disposeState(state);
          state = next.nextState;
          const token = sampleIndex(next.probabilities.dataSync(), generator.nextFloat());
          next.probabilities.dispose();
          sampled.push(token);
          input = [token];
        }
        disposeState(state);
        return sampled;
      });
    } finally {
      this.train(wasTraining);
    }
  }

  /**
   * `generate` on every backend: the same samples (same stream, same tokens), each step's
   * probabilities read with `await data()`.
   *
   * @example
   * const tokens = await model.generateAsync([3], 20, { temperature: 0.8, seed: 1 });
   */
  async generateAsync(
    prefix: readonly number[],
    length: number,
    options: GenerateOptions = {},
  ): Promise<number[]> {
    const { temperature, generator } = this.#generateSetup('CharRNN.generateAsync', prefix, options);
    const wasTraining = this.training;
    this.eval();
    const sampled: number[] = [];
    let state: CharRnnState | undefined;
    try {
      let input = prefix;
      for (let i = 0; i < length; i++) {
        const next = noGrad(() => this.#nextProbabilities(input, state, temperature));
        disposeState(state);
        state = next.nextState;
        const values = await next.probabilities.data().finally(() => next.probabilities.dispose());
        const token = sampleIndex(values, generator.nextFloat());
        sampled.push(token);
        input = [token];
      }
      return sampled;
    } finally {
      disposeState(state);
      this.train(wasTraining);
    }
  }

  override extraRepr(): string {
    return `vocabSize=${this.vocabSize}`;
  }
}

/** The index whose cumulative probability first exceeds `u` (inverse-CDF sampling). */
function sampleIndex(probabilities: ArrayLike<number>, u: number): number {
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    total += probabilities[i];
    if (u < total) return i;
  }
  return probabilities.length - 1;
}

function disposeState(state: CharRnnState | undefined): void {
  if (!state) return;
  for (const t of Array.isArray(state) ? state : [state]) t.dispose();
}
