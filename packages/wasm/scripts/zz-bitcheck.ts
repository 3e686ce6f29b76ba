import '@nagare/autograd';
import { crossEntropy, Linear, ReLU, Sequential, mseLoss } from '@nagare/layers';
import { Adam, SGD } from '@nagare/optimizers';
import { keep, randint, randn, tidy, useBackend, createJsBackend } from '@nagare/tensor';
import { createHash } from 'node:crypto';
import { createWasmBackend } from '../src/index';
for (const name of ['js', 'wasm']) {
  useBackend(name === 'js' ? createJsBackend() : await createWasmBackend());
  const model = new Sequential(new Linear(2, 64, { seed: 0 }), new ReLU(), new Linear(64, 64, { seed: 1 }), new ReLU(), new Linear(64, 3, { seed: 2 }));
  const optimizer = new Adam(model.parameters(), { lr: 1e-2 });
  const x = keep(randn([32, 2], { seed: 99 })); const y = keep(randint(0, 3, [32], { seed: 98 }));
  const losses: number[] = [];
  for (let i = 0; i < 30; i++) tidy(() => { const loss = crossEntropy(model.call(x), y, i % 2 ? {} : { labelSmoothing: 0.1 }); losses.push(loss.item()); loss.backward(); optimizer.step(); optimizer.zeroGrad(); });
  const hash = createHash('sha256');
  for (const p of model.parameters()) hash.update(new Uint8Array((p.dataSync() as Float32Array).buffer));
  console.log(name, hash.digest('hex').slice(0, 16), losses.at(-1));
}
process.exit(0);
