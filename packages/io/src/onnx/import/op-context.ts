import { ArgumentError, type Tensor } from '@nagare/tensor';
import { UnsupportedOnnxError } from '../../errors/unsupported-onnx-error';
import type { OnnxAttribute, OnnxDataTypeCode, OnnxNode, OnnxTensor } from '../onnx-types';
import type { GraphRuntime } from './graph-runtime';

/** A value flowing through the graph: the nagare tensor and the ONNX element type it stands for. */
export interface GraphValue {
  tensor: Tensor;
  onnxType: OnnxDataTypeCode;
  /** The original ONNX tensor of an initializer or fed input, so INT64 values (axes, shapes) are read exactly. */
  source?: OnnxTensor;
}

/**
 * What an operator mapping (`OnnxOpHandler`) sees while `importOnnx`'s graph runs: the node, its
 * opset version, its inputs as nagare tensors (exact integer values for axes and shapes) and its
 * attributes with the operator's defaults supplied by the caller.
 *
 * @example
 * const operators: OnnxOpTable = {
 *   'com.example:Scale': (c) => [mul(c.input(0), c.float('factor', 1))],
 * };
 */
export class OnnxOpContext {
  constructor(
    readonly node: OnnxNode,
    /** The opset version of the node's domain, which decides the operator's semantics. */
    readonly opset: number,
    private readonly values: readonly (GraphValue | undefined)[],
    /** The graph being run, for mappings that re-evaluate part of it (Gradient). */
    readonly runtime: GraphRuntime,
    /** Every value computed so far, by name. */
    readonly environment: ReadonlyMap<string, GraphValue>,
  ) {}

  /** The node's operator type (`'Conv'`). */
  get opType(): string {
    return this.node.opType;
  }

  /** Number of input slots, omitted optional inputs included. */
  get inputCount(): number {
    return this.node.inputs.length;
  }

  /** True when input `i` is given (not omitted with an empty name or past the end). */
  has(i: number): boolean {
    return this.values[i] !== undefined;
  }

  /** Input `i` as a nagare tensor; throws when it is missing. */
  input(i: number): Tensor {
    const value = this.values[i];
    if (!value) throw new ArgumentError(this.opType, `input ${i} is required`);
    return value.tensor;
  }

  /** Input `i`, or undefined when omitted. */
  optionalInput(i: number): Tensor | undefined {
    return this.values[i]?.tensor;
  }

  /** Every given input, in order (for variadic operators). */
  inputs(): Tensor[] {
    return this.values.flatMap((v) => (v ? [v.tensor] : []));
  }

  /** The ONNX element type of input `i`. */
  inputType(i: number): OnnxDataTypeCode {
    const value = this.values[i];
    if (!value) throw new ArgumentError(this.opType, `input ${i} is required`);
    return value.onnxType;
  }

  /** The values of an integer input (axes, shapes, pads) as numbers, or undefined when omitted. */
  inputInts(i: number): number[] | undefined {
    const value = this.values[i];
    if (!value) return undefined;
    // INT64 values beyond ±2^53 (INT64_MAX as "to the end") only need to stay huge, not exact.
    if (value.source?.values instanceof BigInt64Array)
      return Array.from(value.source.values, (v) => Number(v));
    // A fed or constant input keeps its host values: no read back (which WebGPU could not do synchronously).
    if (value.source) return Array.from(value.source.values as ArrayLike<number>, Number);
    return Array.from(value.tensor.dataSync(), Number);
  }

  /**
   * The values of required input `i` as numbers: its host values when it was fed or is a
   * constant, else read back (synchronously, so not on WebGPU).
   */
  inputValues(i: number): number[] {
    const values = this.inputInts(i);
    if (values === undefined) throw new ArgumentError(this.opType, `input ${i} is required`);
    return values;
  }

  /** The single value of a scalar (or one-element) input, or undefined when omitted. */
  inputScalar(i: number): number | undefined {
    const values = this.inputInts(i);
    if (values === undefined) return undefined;
    if (values.length !== 1)
      throw new ArgumentError(this.opType, `input ${i} must hold one value, got ${values.length}`);
    return values[0];
  }

  private attribute(name: string, type: OnnxAttribute['type']): OnnxAttribute | undefined {
    const attribute = this.node.attributes[name];
    if (attribute && attribute.type !== type) {
      throw new ArgumentError(this.opType, `attribute ${name} should be ${type}, got ${attribute.type}`);
    }
    return attribute;
  }

  /** An int attribute, or `fallback` (the operator's default for this opset) when not stored. */
  int(name: string, fallback: number): number {
    return (this.attribute(name, 'int')?.value as number | undefined) ?? fallback;
  }

  float(name: string, fallback: number): number {
    return (this.attribute(name, 'float')?.value as number | undefined) ?? fallback;
  }

  string(name: string, fallback: string): string {
    return (this.attribute(name, 'string')?.value as string | undefined) ?? fallback;
  }

  ints(name: string): number[] | undefined {
    return this.attribute(name, 'ints')?.value as number[] | undefined;
  }

  floats(name: string): number[] | undefined {
    return this.attribute(name, 'floats')?.value as number[] | undefined;
  }

  tensor(name: string): OnnxTensor | undefined {
    return this.attribute(name, 'tensor')?.value as OnnxTensor | undefined;
  }

  /** True when the node stores attribute `name`. */
  hasAttribute(name: string): boolean {
    return Object.hasOwn(this.node.attributes, name);
  }

  /** Gives up on this node: throws `UnsupportedOnnxError` naming the operator and `reason`. */
  unsupported(reason: string): never {
    throw new UnsupportedOnnxError(this.opType, reason);
  }
}

/**
 * One operator mapping: computes a node's outputs (in order; `undefined` for an output not produced).
 *
 * @example
 * const relu6: OnnxOpHandler = (c) => [clip(c.input(0), 0, 6)];
 */
export type OnnxOpHandler = (context: OnnxOpContext) => (Tensor | undefined)[];

/**
 * Operator mappings keyed by ONNX op type (`Domain:OpType` outside the default domain), e.g. the
 * `operators` that `importOnnx` adds to (or overrides in) its built-in table.
 *
 * @example
 * importOnnx(bytes, { operators: { 'com.example:Relu6': (c) => [clip(c.input(0), 0, 6)] } });
 */
export type OnnxOpTable = Record<string, OnnxOpHandler>;
