import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OnnxModel, type OnnxNode, type OnnxTensor, writeOnnxModel, writeTensorProto } from '@nagare/io';
import { memory } from '@nagare/tensor';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './cli';
import { formatCaseLine, formatSummary, listCases, runCase, runSuite } from './suite';

const FLOAT = 1;
const INT64 = 7;
const f32 = (name: string, dims: number[], values: number[]): OnnxTensor => ({
  name,
  dataType: FLOAT,
  dims,
  values: Float32Array.from(values),
});
const i64 = (name: string, dims: number[], values: number[]): OnnxTensor => ({
  name,
  dataType: INT64,
  dims,
  values: BigInt64Array.from(values, (v) => BigInt(v)),
});

function model(
  node: Partial<OnnxNode> & { opType: string },
  inputs: OnnxTensor[],
  outputs: OnnxTensor[],
  opset = 13,
): OnnxModel {
  const info = (t: OnnxTensor) => ({
    name: t.name,
    kind: 'tensor' as const,
    elemType: t.dataType,
    shape: t.dims,
  });
  return {
    irVersion: 8,
    producerName: 'test',
    producerVersion: '',
    domain: '',
    modelVersion: 0,
    docString: '',
    opsetImports: [{ domain: '', version: opset }],
    graph: {
      name: 'g',
      nodes: [
        {
          name: 'n',
          domain: '',
          inputs: inputs.map((t) => t.name),
          outputs: outputs.map((t) => t.name),
          attributes: {},
          ...node,
        },
      ],
      inputs: inputs.map(info),
      outputs: outputs.map(info),
      initializers: [],
      valueInfo: [],
    },
    metadata: {},
  };
}

/** Writes a case folder in the ONNX node-test layout. */
function writeCase(
  dir: string,
  name: string,
  m: OnnxModel,
  inputs: OnnxTensor[],
  outputs: OnnxTensor[],
): void {
  const data = join(dir, name, 'test_data_set_0');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(dir, name, 'model.onnx'), writeOnnxModel(m));
  for (const [i, t] of inputs.entries()) writeFileSync(join(data, `input_${i}.pb`), writeTensorProto(t));
  for (const [i, t] of outputs.entries()) writeFileSync(join(data, `output_${i}.pb`), writeTensorProto(t));
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nagare-conformance-'));
  const x = f32('x', [2, 2], [1, 2, 3, 4]);
  const y = f32('y', [2, 2], [10, 20, 30, 40]);
  const sum = f32('sum', [2, 2], [11, 22, 33, 44]);
  writeCase(dir, 'test_add', model({ opType: 'Add' }, [x, y], [sum]), [x, y], [sum]);
  // Within rtol 1e-3 of 11 … 44: still a pass.
  writeCase(
    dir,
    'test_add_close',
    model({ opType: 'Add' }, [x, y], [sum]),
    [x, y],
    [f32('sum', [2, 2], [11.005, 22, 33, 44])],
  );
  writeCase(
    dir,
    'test_add_wrong',
    model({ opType: 'Add' }, [x, y], [sum]),
    [x, y],
    [f32('sum', [2, 2], [11, 22, 33, 45])],
  );
  writeCase(
    dir,
    'test_add_bad_shape',
    model({ opType: 'Add' }, [x, y], [sum]),
    [x, y],
    [f32('sum', [4], [11, 22, 33, 44])],
  );
  const argmax = i64('r', [2], [1, 1]);
  const argmaxNode = {
    opType: 'ArgMax',
    attributes: { axis: { type: 'int' as const, value: 1 }, keepdims: { type: 'int' as const, value: 0 } },
  };
  writeCase(dir, 'test_argmax', model(argmaxNode, [x], [argmax]), [x], [argmax]);
  writeCase(
    dir,
    'test_argmax_wrong_dtype',
    model(argmaxNode, [x], [f32('r', [2], [1, 1])]),
    [x],
    [f32('r', [2], [1, 1])],
  );
  const foo = f32('foo', [2, 2], [1, 2, 3, 4]);
  writeCase(dir, 'test_foo', model({ opType: 'FooBar' }, [x], [foo]), [x], [foo]);
  const shape = i64('shape', [2], [4, -1]);
  const reshaped = f32('r', [4, 1], [1, 2, 3, 4]);
  writeCase(
    dir,
    'test_reshape',
    model({ opType: 'Reshape' }, [x, shape], [reshaped]),
    [x, shape],
    [reshaped],
  );
  mkdirSync(join(dir, 'not_a_case'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runSuite', () => {
  test('classifies every case folder and counts the outcomes', () => {
    const report = runSuite(dir);
    expect(report.cases.map((c) => [c.name, c.status])).toEqual([
      ['test_add', 'pass'],
      ['test_add_bad_shape', 'fail'],
      ['test_add_close', 'pass'],
      ['test_add_wrong', 'fail'],
      ['test_argmax', 'pass'],
      ['test_argmax_wrong_dtype', 'fail'],
      ['test_foo', 'unsupported'],
      ['test_reshape', 'pass'],
    ]);
    expect([report.total, report.passed, report.failed, report.unsupported]).toEqual([8, 4, 3, 1]);
  });

  test('prints PASS, FAIL with the first mismatch, and UNSUPPORTED with the operator', () => {
    const lines = runSuite(dir).cases.map(formatCaseLine);
    expect(lines).toContain('PASS test_add');
    expect(lines).toContain('FAIL test_add_wrong: first mismatch at [1,1]: got 44, want 45');
    expect(lines).toContain('FAIL test_add_bad_shape: shape [2,2], want [4]');
    expect(lines).toContain('UNSUPPORTED test_foo: FooBar');
    expect(lines.find((l) => l.startsWith('FAIL test_argmax_wrong_dtype'))).toMatch(
      /dtype int32, want FLOAT/,
    );
  });

  test('the summary gives the totals and the unsupported operators', () => {
    expect(formatSummary(runSuite(dir))).toBe(
      '8 cases: 4 passed, 3 failed, 1 unsupported\nunsupported operators: FooBar (1)',
    );
  });

  test('frees every tensor it creates, passing or failing', () => {
    const before = memory().tensors;
    runSuite(dir);
    expect(memory().tensors).toBe(before);
  });

  test('filters cases by substring and ignores folders without model.onnx', () => {
    expect(listCases(dir, 'argmax')).toEqual(['test_argmax', 'test_argmax_wrong_dtype']);
    expect(listCases(dir)).not.toContain('not_a_case');
  });

  test('a corrupt model is a FAIL naming the file, not a crash', () => {
    const broken = join(dir, 'test_broken');
    mkdirSync(join(broken, 'test_data_set_0'), { recursive: true });
    writeFileSync(join(broken, 'model.onnx'), new Uint8Array([0x3a, 0x40, 1]));
    const result = runCase(broken, 'test_broken');
    rmSync(broken, { recursive: true });
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/OnnxFormatError: .*model\.onnx: not a valid ModelProto/);
  });
});

describe('runCli', () => {
  test('--json writes the report and --floor passes when enough cases pass', async () => {
    const json = join(dir, 'out', 'r.json');
    const floor = join(dir, 'floor.json');
    writeFileSync(floor, JSON.stringify({ passed: 4 }));
    const lines: string[] = [];
    const code = await runCli(['--dir', dir, '--json', json, '--floor', floor, '--filter', 'test_'], (l) =>
      lines.push(l),
    );
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(Object.keys(report)).toEqual(['total', 'passed', 'failed', 'unsupported', 'cases']);
    expect(report.cases[0]).toEqual({ name: 'test_add', op: 'Add', status: 'pass', detail: '' });
    expect(lines).toContain('PASS test_reshape');
    expect(lines.at(-1)).toBe('conformance floor: 4 passed, floor 4');
  });

  test('--floor fails with exit code 1 when fewer cases pass than recorded', async () => {
    const floor = join(dir, 'floor-high.json');
    writeFileSync(floor, JSON.stringify({ passed: 5 }));
    const lines: string[] = [];
    expect(await runCli(['--dir', dir, '--floor', floor, '--quiet'], (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toBe('conformance floor: 4 passed is below the recorded floor of 5');
    expect(lines.some((l) => l.startsWith('PASS'))).toBe(false);
  });

  test('usage errors: no --dir, an unknown backend', async () => {
    expect(await runCli([], () => {})).toBe(2);
    await expect(runCli(['--dir', dir, '--backend', 'gpu'], () => {})).rejects.toThrow(
      /unknown backend "gpu"/,
    );
  });
});
