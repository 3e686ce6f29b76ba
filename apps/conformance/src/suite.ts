import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { noGrad } from '@nagare/autograd';
import {
  type ImportedOnnx,
  importOnnx,
  type OnnxOpTable,
  type OnnxTensor,
  readOnnxModel,
  readTensorProto,
} from '@nagare/io';
import { tidy } from '@nagare/tensor';
import { compareWithExpected } from './compare';
import { trainingOps } from './ops/training';
import { classifyError } from './run-case-async';

export type CaseStatus = 'pass' | 'fail' | 'unsupported';

/** The outcome of one case folder. */
export interface CaseResult {
  name: string;
  /** The operator under test (the graph's last node), or the one that is unsupported. */
  op: string;
  status: CaseStatus;
  /** Why it failed, or which form is unsupported; empty for a pass. */
  detail: string;
}

/** The JSON report (`--json`). */
export interface SuiteReport {
  total: number;
  passed: number;
  failed: number;
  unsupported: number;
  cases: CaseResult[];
}

/** Case folders of `dir` (those holding a model.onnx), sorted, optionally filtered by substring. */
export function listCases(dir: string, filter?: string): string[] {
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'model.onnx')))
    .filter((name) => !filter || name.includes(filter))
    .sort();
}

const numbered = (prefix: string, files: string[]) =>
  files
    .filter((f) => new RegExp(`^${prefix}_\\d+\\.pb$`).test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));

function readDataSet(dir: string): { inputs: OnnxTensor[]; outputs: OnnxTensor[] } {
  const files = readdirSync(dir);
  const read = (file: string) => readTensorProto(readFileSync(join(dir, file)), { source: join(dir, file) });
  return { inputs: numbered('input', files).map(read), outputs: numbered('output', files).map(read) };
}

function runDataSet(
  imported: ImportedOnnx,
  dataSet: { inputs: OnnxTensor[]; outputs: OnnxTensor[] },
): string | null {
  const { graph } = imported.model;
  const graphInputs = imported.inputs;
  const feeds: Record<string, OnnxTensor> = {};
  dataSet.inputs.forEach((tensor, i) => {
    // The .pb's name matches its graph input; fall back to position for unnamed tensors.
    const name = graphInputs.some((info) => info.name === tensor.name) ? tensor.name : graphInputs[i]?.name;
    if (name !== undefined) feeds[name] = { ...tensor, name };
  });
  if (dataSet.outputs.length !== graph.outputs.length) {
    return `${dataSet.outputs.length} expected outputs for ${graph.outputs.length} graph outputs`;
  }
  // No op here needs a gradient except inside Gradient (whose valueAndGrad turns recording back on);
  // recording would keep every layer's forward tensors alive for a backward pass that never comes.
  return tidy(() => noGrad(() => compareOutputs(imported, feeds, dataSet.outputs)));
}

/** Runs the graph on the feeds and describes the first output that differs from `expected`. */
function compareOutputs(
  imported: ImportedOnnx,
  feeds: Record<string, OnnxTensor>,
  expected: OnnxTensor[],
): string | null {
  const outputs = imported.run(feeds);
  for (let j = 0; j < imported.outputs.length; j++) {
    const name = imported.outputs[j].name;
    const suffix = imported.outputs.length > 1 ? ` (output ${j} "${name}")` : '';
    const difference = compareWithExpected(outputs[j], expected[j]);
    if (difference) return difference + suffix;
  }
  return null;
}

/** Runs one case folder (model.onnx + test_data_set_*) and classifies it. */
export function runCase(caseDir: string, name: string, operators: OnnxOpTable = trainingOps): CaseResult {
  let op = '?';
  let imported: ImportedOnnx | undefined;
  try {
    const model = readOnnxModel(readFileSync(join(caseDir, 'model.onnx')), {
      source: join(caseDir, 'model.onnx'),
    });
    op = model.graph.nodes.at(-1)?.opType ?? '?';
    imported = importOnnx(model, { operators });
    const dataSets = readdirSync(caseDir)
      .filter((d) => /^test_data_set_\d+$/.test(d) && statSync(join(caseDir, d)).isDirectory())
      .sort();
    if (dataSets.length === 0) return { name, op, status: 'fail', detail: 'no test_data_set_* folder' };
    for (const dataSet of dataSets) {
      const difference = runDataSet(imported, readDataSet(join(caseDir, dataSet)));
      if (difference)
        return {
          name,
          op,
          status: 'fail',
          detail: dataSets.length > 1 ? `${dataSet}: ${difference}` : difference,
        };
    }
    return { name, op, status: 'pass', detail: '' };
  } catch (error) {
    return classifyError(name, op, error);
  } finally {
    imported?.dispose();
  }
}

/** The line printed for a case: `PASS name`, `FAIL name: detail`, `UNSUPPORTED name: Op`. */
export function formatCaseLine(result: CaseResult): string {
  if (result.status === 'pass') return `PASS ${result.name}`;
  if (result.status === 'fail') return `FAIL ${result.name}: ${result.detail}`;
  return `UNSUPPORTED ${result.name}: ${result.op}${result.detail ? ` (${result.detail})` : ''}`;
}

/** Options of `runSuite`. */
export interface SuiteOptions {
  filter?: string;
  /** Operator mappings added to `importOnnx`'s (default: the training operators). */
  operators?: OnnxOpTable;
  /** Called after each case, e.g. to print its line as soon as it is known. */
  onResult?: (result: CaseResult) => void;
}

/** Runs every case folder of `dir` and counts the outcomes. */
export function runSuite(dir: string, options: SuiteOptions = {}): SuiteReport {
  const cases: CaseResult[] = [];
  for (const name of listCases(dir, options.filter)) {
    const result = runCase(join(dir, name), name, options.operators);
    cases.push(result);
    options.onResult?.(result);
  }
  const count = (status: CaseStatus) => cases.filter((c) => c.status === status).length;
  return {
    total: cases.length,
    passed: count('pass'),
    failed: count('fail'),
    unsupported: count('unsupported'),
    cases,
  };
}

/** The summary printed after the case lines: totals, then the unsupported operators with counts. */
export function formatSummary(report: SuiteReport): string {
  const lines = [
    `${report.total} cases: ${report.passed} passed, ${report.failed} failed, ${report.unsupported} unsupported`,
  ];
  const unsupported = new Map<string, number>();
  for (const c of report.cases)
    if (c.status === 'unsupported') unsupported.set(c.op, (unsupported.get(c.op) ?? 0) + 1);
  if (unsupported.size) {
    lines.push(`unsupported operators: ${[...unsupported].map(([op, n]) => `${op} (${n})`).join(', ')}`);
  }
  return lines.join('\n');
}
