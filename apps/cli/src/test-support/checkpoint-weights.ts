import { join } from 'node:path';
import { loadSafetensors } from '@nagare/io';

/** The model tensors of a run's last checkpoint as plain arrays, for exact comparisons. */
export async function lastWeights(runDir: string): Promise<Record<string, number[]>> {
  const { tensors } = await loadSafetensors(join(runDir, 'checkpoints', 'last.safetensors'));
  const model = Object.entries(tensors).filter(([name]) => !name.startsWith('nagare:'));
  const values = Object.fromEntries(model.map(([name, tensor]) => [name, Array.from(tensor.dataSync())]));
  for (const tensor of Object.values(tensors)) tensor.dispose();
  return values;
}
