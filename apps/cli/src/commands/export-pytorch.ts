import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataLoader, type Dataset } from '@nagare/data';
import { exportPyTorch, saveSafetensors } from '@nagare/io';
import type { Tensor } from '@nagare/tensor';
import type { RecipeModel } from '../recipes/recipe';
import { loadSplits } from '../training/load-splits';
import { CONFIG_METADATA_KEY, type LocatedRun } from '../training/load-trained';

/** Momentum of the 'momentum' and 'nesterov' optimizers (optimizer-factory.ts), for PyTorch's SGD. */
const SGD_MOMENTUM = 0.9;

/** What `loader.json` tells a PyTorch training script: the run's data loader and optimizer settings. */
export interface LoaderSettings {
  recipe: string;
  input: { kind: string; shape: readonly number[] };
  classes: readonly string[];
  batchSize: number;
  shuffle: true;
  seed: number;
  epochs: number;
  optimizer: string;
  lr: number;
  weightDecay: number;
  /** SGD momentum of the momentum methods, else null. */
  momentum: number | null;
  schedule: string;
  loss: 'cross_entropy';
  /** The split files written with `--with-data` (`inputs` and int32 `labels`), else null. */
  splits: { train: string; val: string; test: string } | null;
}

async function writeTextAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** Every sample of `dataset` as one `inputs` / `labels` pair of tensors. */
function stacked(dataset: Dataset<Tensor[]>): Record<string, Tensor> {
  const loader = new DataLoader<Tensor[], Tensor[]>(dataset, { batchSize: Math.max(1, dataset.length) });
  const [inputs, labels, ...rest] = loader.load(Array.from({ length: dataset.length }, (_, i) => i));
  for (const extra of rest) extra.dispose();
  return { inputs, labels };
}

/**
 * `nagare export <run> --format pytorch --out DIR`: writes DIR/model.py (a torch.nn.Module with the
 * model's layers and parameter names, see `exportPyTorch`), DIR/model.safetensors (the weights,
 * with the run's config as metadata, so weights trained further in PyTorch and saved with
 * model.py's `save_safetensors` load back into `nagare eval`) and DIR/loader.json (the data loader
 * and optimizer settings); with `withData`, the run's splits as DIR/{train,val,test}.safetensors.
 *
 * @example
 * await exportPyTorchFiles(run, model, { out: 'runs/x-torch', withData: true }, console.log);
 */
export async function exportPyTorchFiles(
  run: LocatedRun,
  model: RecipeModel,
  flags: { out: string; withData?: boolean },
  log: (line: string) => void,
): Promise<void> {
  const { recipe, config } = run;
  const source = exportPyTorch(model, {
    title: `${recipe.name}: ${recipe.description}`,
    inputShape: recipe.input.shape,
  });
  await mkdir(flags.out, { recursive: true });
  const metadata = {
    format: 'pt',
    'nagare.recipe': recipe.name,
    [CONFIG_METADATA_KEY]: JSON.stringify(config),
  };
  await saveSafetensors(join(flags.out, 'model.safetensors'), model.stateDict(), metadata);
  await writeTextAtomically(join(flags.out, 'model.py'), source);
  let splits: LoaderSettings['splits'] = null;
  if (flags.withData) {
    const data = await loadSplits(recipe, config);
    for (const [name, dataset] of Object.entries(data)) {
      const tensors = stacked(dataset);
      await saveSafetensors(join(flags.out, `${name}.safetensors`), tensors, {
        'nagare.recipe': recipe.name,
      });
      for (const tensor of Object.values(tensors)) tensor.dispose();
    }
    splits = { train: 'train.safetensors', val: 'val.safetensors', test: 'test.safetensors' };
  }
  const settings: LoaderSettings = {
    recipe: recipe.name,
    input: { kind: recipe.input.kind, shape: recipe.input.shape },
    classes: recipe.classes,
    batchSize: config.batchSize,
    shuffle: true,
    seed: config.seed,
    epochs: config.epochs,
    optimizer: config.optimizer,
    lr: config.lr,
    weightDecay: config.weightDecay,
    momentum: config.optimizer === 'momentum' || config.optimizer === 'nesterov' ? SGD_MOMENTUM : null,
    schedule: config.schedule,
    loss: 'cross_entropy',
    splits,
  };
  await writeTextAtomically(join(flags.out, 'loader.json'), `${JSON.stringify(settings, null, 2)}\n`);
  const files = ['model.py', 'model.safetensors', 'loader.json', ...(splits ? Object.values(splits) : [])];
  log(
    `wrote ${files.map((file) => join(flags.out, file)).join(', ')} (PyTorch module with ${model.numParameters().toLocaleString('en-US')} parameters; load it with: from model import load_model)`,
  );
}
