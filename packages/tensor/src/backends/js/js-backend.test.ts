import { test } from 'vitest';
import { runOpCases } from '../../testing';
import { createJsBackend } from './js-backend';

// The shared forward suite (every op's cases) on the reference backend.
runOpCases(test, createJsBackend());
