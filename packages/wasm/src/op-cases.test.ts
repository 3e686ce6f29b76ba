import { runOpCases } from '@nagare/tensor/testing';
import { test } from 'vitest';
import { createWasmBackend } from './index';

// The shared forward suite of every op, unchanged, on the wasm backend.
runOpCases(test, await createWasmBackend());
