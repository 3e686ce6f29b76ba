// Child process of the kill -9 test: writes checkpoints to argv[2] in a loop, forever. Iteration i
// fills every weight and optimizer buffer with i and records i in the metadata, so a reader can check
// that whatever file it finds is one whole checkpoint. Prints "saved i" after each write.
import '@nagare/autograd';
import { Linear } from '@nagare/layers';
import { SGD } from '@nagare/optimizers';
import { ones, tidy } from '@nagare/tensor';
import { saveCheckpoint } from '../checkpoint/save-checkpoint';
import { fill } from './fill';

const path = process.argv[2];
const model = new Linear(256, 256, { seed: 0 });
const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
// One step, so the optimizer has a velocity buffer per parameter to save as well.
tidy(() =>
  model
    .call(ones([1, 256]))
    .sum()
    .backward(),
);
optimizer.step();
optimizer.zeroGrad();

for (let i = 1; ; i++) {
  for (const parameter of model.parameters()) fill(parameter, i);
  const optimizerState = optimizer.stateDict();
  for (const saved of Object.values(optimizerState.state))
    for (const buffer of Object.values(saved.tensors)) fill(buffer, i);
  await saveCheckpoint(path, {
    weights: model.stateDict(),
    optimizer: optimizerState,
    callbacks: {},
    state: null,
    metadata: { iteration: String(i) },
    dispose: () => {},
  });
  for (const saved of Object.values(optimizerState.state))
    for (const buffer of Object.values(saved.tensors)) buffer.dispose();
  process.stdout.write(`saved ${i}\n`);
}
