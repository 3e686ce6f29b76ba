import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { noGrad } from '@nagare/autograd';
import { softmax, type Tensor, tensor, tidy } from '@nagare/tensor';
import { selectBackend } from '../backend/select-backend';
import type { TrainConfig } from '../config/train-config';
import { CliError } from '../errors/cli-error';
import { missingPathError } from '../errors/path-errors';
import { type CsvSample, parseCsvSamples } from '../inputs/csv-input';
import { decodePng, resizeGray, toMnistPolarity } from '../inputs/png-input';
import type { RecipeInput } from '../recipes/recipe';
import { type LocatedRun, loadTrainedModel, locateRun } from '../training/load-trained';
import { formatTable, percent } from '../util/format';

/** The flags of `nagare predict`. */
export interface PredictFlags {
  json?: boolean;
  top?: number;
  backend?: TrainConfig['backend'];
}

/** One prediction: the class, its probability, the runners-up and the label the input carried. */
export interface Prediction {
  source: string;
  predicted: string;
  index: number;
  probability: number;
  top: { label: string; probability: number }[];
  expected: string | null;
}

const sizeOf = (input: RecipeInput) => input.shape.reduce((a, b) => a * b, 1);

/** Where the samples came from, which names them in the output. */
type InputKind = 'png' | 'csv-file' | 'inline';

/** How a prediction names its input: a PNG by its path, an inline row as such, CSV rows by line. */
function sourceName(input: string, kind: InputKind, sample: CsvSample): string {
  if (kind === 'png') return input;
  return kind === 'inline' ? 'input row' : `line ${sample.line}`;
}

/** Turns the input argument into samples: a PNG image, a CSV file, or an inline CSV row. */
async function readSamples(
  input: string,
  recipeInput: RecipeInput,
): Promise<{ kind: InputKind; samples: CsvSample[] }> {
  const isFile = (await stat(input).catch(() => null))?.isFile() ?? false;
  const extension = extname(input).toLowerCase();
  if (extension === '.png') {
    if (!isFile) throw missingPathError(input);
    if (recipeInput.kind !== 'image')
      throw new CliError(input, 'this model takes vectors, not images: give a CSV row');
    const [, height, width] = recipeInput.shape;
    const image = toMnistPolarity(resizeGray(decodePng(await readFile(input), input), width, height));
    return { kind: 'png', samples: [{ values: image.pixels, label: null, line: 1 }] };
  }
  if (!isFile && (extension === '.csv' || !/[0-9]/.test(input))) throw missingPathError(input);
  const text = isFile ? await readFile(input, 'utf8') : input;
  const samples = parseCsvSamples(text, sizeOf(recipeInput), isFile ? input : 'input row');
  // Image CSVs usually hold bytes 0–255; the models were trained on [0, 1].
  if (recipeInput.kind === 'image' && samples.some((s) => s.values.some((v) => v > 1))) {
    for (const sample of samples) sample.values = sample.values.map((v) => v / 255);
  }
  return { kind: isFile ? 'csv-file' : 'inline', samples };
}

/** One prediction from a row of class probabilities; non-finite output is an error naming the input. */
function predictionOf(
  row: number[],
  source: string,
  label: number | null,
  classes: readonly string[],
  k: number,
): Prediction {
  // Huge but finite inputs can still overflow inside the model; never print null as a probability.
  if (row.some((p) => !Number.isFinite(p)))
    throw new CliError(
      source,
      "the model's output is not finite for these values (are they far outside the training data's range?)",
    );
  const ranked = row
    .map((probability, index) => ({ index, probability }))
    .sort((a, b) => b.probability - a.probability);
  return {
    source,
    predicted: classes[ranked[0].index],
    index: ranked[0].index,
    probability: ranked[0].probability,
    top: ranked.slice(0, k).map(({ index, probability }) => ({ label: classes[index], probability })),
    expected: label === null ? null : (classes[label] ?? String(label)),
  };
}

/** The model's class probabilities for every sample, one row of `classes` values per sample. */
async function classify(run: LocatedRun, samples: readonly CsvSample[]): Promise<Float32Array> {
  const model = await loadTrainedModel(run);
  const shape = [samples.length, ...run.recipe.input.shape];
  const values = new Float32Array(samples.length * sizeOf(run.recipe.input));
  for (const [i, sample] of samples.entries()) values.set(sample.values, i * sample.values.length);
  try {
    return noGrad(() =>
      tidy(() => softmax(model.call(tensor(values, { shape }) as Tensor), -1).dataSync()),
    ) as Float32Array;
  } finally {
    model.dispose();
  }
}

/** The predictions as a table: input, class, probability, runners-up and the expected label if any. */
function predictionTable(predictions: readonly Prediction[], k: number): string {
  const hasExpected = predictions.some((p) => p.expected !== null);
  const header = ['input', 'predicted', 'probability', `top ${k}`, ...(hasExpected ? ['expected'] : [])];
  const rows = predictions.map((p) => [
    p.source,
    p.predicted,
    percent(p.probability),
    p.top.map((t) => `${t.label} ${percent(t.probability)}`).join(', '),
    ...(hasExpected ? [p.expected ?? '—'] : []),
  ]);
  return formatTable(header, rows);
}

/**
 * `nagare predict <run-dir|checkpoint> <input>`: classifies a PNG image (grayscale, resized to the
 * model's input, inverted when it is dark ink on a light background), every row of a CSV file, or
 * one inline CSV row, printing the predicted class with its probability and the runners-up.
 *
 * @example
 * await predictCommand('runs/mnist-mlp-20250101-120000', 'digit.png', {}, console.log);
 */
export async function predictCommand(
  target: string,
  input: string,
  flags: PredictFlags,
  log: (line: string) => void,
): Promise<number> {
  const run = await locateRun(target);
  const { kind, samples } = await readSamples(input, run.recipe.input);
  await selectBackend(flags.backend ?? run.config.backend, run.config.threads, () => 0);
  const probabilities = await classify(run, samples);
  const classes = run.recipe.classes;
  const k = Math.min(flags.top ?? 3, classes.length);
  const predictions = samples.map((sample, i) => {
    const row = Array.from(probabilities.subarray(i * classes.length, (i + 1) * classes.length));
    return predictionOf(row, sourceName(input, kind, sample), sample.label, classes, k);
  });
  if (flags.json) log(JSON.stringify(predictions.length === 1 ? predictions[0] : predictions));
  else log(predictionTable(predictions, k));
  return 0;
}
