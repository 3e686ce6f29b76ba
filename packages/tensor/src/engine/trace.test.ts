import { afterEach, describe, expect, test } from 'vitest';
import { add, mul, relu, tensor } from '../index';
import { type OpRecord, setOpRecorder, traceOps } from './dispatch';

afterEach(() => setOpRecorder(null));

describe('traceOps', () => {
  test('reports every op in order with inputs, attributes and outputs, without requiresGrad', () => {
    const x = tensor([-1, 2]);
    const records: OpRecord[] = [];
    const y = traceOps(
      () => relu(mul(x, x)),
      (record) => records.push(record),
    );
    expect(records.map((r) => r.op)).toEqual(['mul', 'relu']);
    expect(records[0].inputs).toEqual([x, x]);
    expect(records[1].inputs[0]).toBe(records[0].outputs[0]);
    expect(records[1].outputs[0]).toBe(y);
    expect(y.toArray()).toEqual([1, 4]);
  });

  test('stops reporting when fn returns or throws', () => {
    const x = tensor([1, 2]);
    const seen: string[] = [];
    traceOps(
      () => add(x, 1),
      (record) => seen.push(record.op),
    );
    expect(() =>
      traceOps(
        () => {
          mul(x, 2);
          throw new Error('boom');
        },
        (record) => seen.push(record.op),
      ),
    ).toThrow('boom');
    relu(x);
    expect(seen).toEqual(['add', 'mul']);
  });

  test('nested traces both see the inner ops; the outer one keeps seeing its own', () => {
    const x = tensor([1, 2]);
    const outer: string[] = [];
    const inner: string[] = [];
    traceOps(
      () => {
        add(x, x);
        traceOps(
          () => mul(x, x),
          (record) => inner.push(record.op),
        );
        relu(x);
      },
      (record) => outer.push(record.op),
    );
    expect(outer).toEqual(['add', 'mul', 'relu']);
    expect(inner).toEqual(['mul']);
  });

  test('leaves the autograd recorder working: it still sees only ops on tensors that require grad', () => {
    const recorded: string[] = [];
    const traced: string[] = [];
    setOpRecorder((record) => recorded.push(record.op));
    const w = tensor([1, 2]);
    w.requiresGrad = true;
    const x = tensor([3, 4]);
    traceOps(
      () => add(mul(x, x), w),
      (record) => traced.push(record.op),
    );
    expect(traced).toEqual(['mul', 'add']);
    expect(recorded).toEqual(['add']);
  });
});
