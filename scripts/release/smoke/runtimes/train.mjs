// Runtime matrix: `train.mjs js` trains a small MLP on the js backend, `train.mjs wasm <threads>` on
// the wasm backend with that many threads, checked against js (train-core.mjs).
import { trainOnJs, trainOnWasm } from './train-core.mjs';

const [backendName = 'js', threads = '1'] = process.argv.slice(2);
console.log(backendName === 'js' ? trainOnJs() : await trainOnWasm(Number(threads)));
