import { cast, type DType, type Tensor, tensor, tidy } from '@nagare/tensor';
import { tensorToOnnxTensor } from '../onnx-tensor';
import { type OnnxAttribute, OnnxDataType, type OnnxNode, type OnnxTensor } from '../onnx-types';

/** Constants of at most this many values are shared by content (traces repeat small scalars). */
const SHARED_CONSTANT_SIZE = 16;

/** The ONNX element type of each nagare dtype. */
export const ONNX_TYPE: Record<DType, number> = {
  float32: OnnxDataType.FLOAT,
  float64: OnnxDataType.DOUBLE,
  int32: OnnxDataType.INT32,
  bool: OnnxDataType.BOOL,
};

/** Attribute builders, so op exporters read like the ONNX operator docs. */
export const attr = {
  int: (value: number | boolean): OnnxAttribute => ({ type: 'int', value: Number(value) }),
  ints: (value: readonly number[]): OnnxAttribute => ({ type: 'ints', value: [...value] }),
  float: (value: number): OnnxAttribute => ({ type: 'float', value }),
  string: (value: string): OnnxAttribute => ({ type: 'string', value }),
};

/**
 * Collects the nodes and initializers of a traced graph. Every tensor the trace meets gets a value
 * name: inputs and named parameters are bound up front, op outputs as ops are recorded, and any
 * other tensor (a constant made inside the forward pass) is read at once and becomes an initializer.
 */
export class OnnxGraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  readonly #names = new Map<Tensor, string>();
  readonly #dtypes = new Map<string, DType>();
  /** Named tensors by storage, so another handle to a parameter's buffer still uses its name. */
  readonly #byStorage = new Map<unknown, { tensor: Tensor; name: string }>();
  readonly #sharedConstants = new Map<string, string>();
  readonly #casts = new Map<string, string>();
  readonly #taken = new Set<string>();
  #counter = 0;

  constructor(readonly opset: number) {}

  /** A fresh value name starting with `prefix`. */
  fresh(prefix: string): string {
    let name = `${prefix}_${this.#counter++}`;
    while (this.#taken.has(name)) name = `${prefix}_${this.#counter++}`;
    this.#taken.add(name);
    return name;
  }

  /** Gives `tensor` the value name `name` (a graph input, an op output). */
  bind(t: Tensor, name: string): void {
    this.#names.set(t, name);
    this.#dtypes.set(name, t.dtype);
    this.#taken.add(name);
  }

  /** Binds a parameter or buffer: its values become the initializer `name`. */
  bindInitializer(t: Tensor, name: string): void {
    this.initializers.push(tensorToOnnxTensor(t, { name }));
    this.bind(t, name);
    this.#byStorage.set(t.storage, { tensor: t, name });
  }

  /** True when `tensor` already has a value name. */
  has(t: Tensor): boolean {
    return this.#names.has(t);
  }

  /** The value name of `tensor`; an unknown tensor is read now and becomes a constant initializer. */
  value(t: Tensor): string {
    const known = this.#names.get(t);
    if (known !== undefined) return known;
    const shared = this.#byStorage.get(t.storage);
    if (shared && shared.tensor.shape.join() === t.shape.join() && shared.tensor.dtype === t.dtype)
      return shared.name;
    const name = this.#constantOf(t);
    this.#names.set(t, name);
    return name;
  }

  /** The value of `tensor` as `dtype`: itself, a Cast node, or a constant already converted. */
  valueAs(t: Tensor, dtype: DType): string {
    if (t.dtype === dtype) return this.value(t);
    if (!this.#names.has(t) && !this.#byStorage.has(t.storage)) {
      return tidy(() => this.#constantOf(cast(t, dtype)));
    }
    return this.castValue(this.value(t), dtype);
  }

  /** `name` converted to `dtype` with one Cast node (shared by every use). */
  castValue(name: string, dtype: DType): string {
    if (this.#dtypes.get(name) === dtype) return name;
    const key = `${name}\u0000${dtype}`;
    const cached = this.#casts.get(key);
    if (cached) return cached;
    const [output] = this.node('Cast', [name], [dtype], { to: attr.int(ONNX_TYPE[dtype]) });
    this.#casts.set(key, output);
    return output;
  }

  #constantOf(t: Tensor): string {
    const isShared = t.size <= SHARED_CONSTANT_SIZE;
    const key = isShared ? `${t.dtype}[${t.shape.join()}]${Array.from(t.dataSync()).join()}` : '';
    const cached = isShared ? this.#sharedConstants.get(key) : undefined;
    if (cached) return cached;
    const name = this.fresh('const');
    this.initializers.push(tensorToOnnxTensor(t, { name }));
    this.#dtypes.set(name, t.dtype);
    if (isShared) this.#sharedConstants.set(key, name);
    return name;
  }

  /** An INT64 constant (shapes, axes, pads, sizes): `dims` [] for a scalar, default a 1-D list. */
  int64(values: readonly number[], dims: readonly number[] = [values.length]): string {
    const key = `int64[${dims.join()}]${values.join()}`;
    const cached = this.#sharedConstants.get(key);
    if (cached) return cached;
    const name = this.fresh('const');
    this.initializers.push({
      name,
      dataType: OnnxDataType.INT64,
      dims: [...dims],
      values: BigInt64Array.from(values, (v) => BigInt(v)),
    });
    this.#sharedConstants.set(key, name);
    return name;
  }

  /** A scalar constant of `dtype` (a clip bound, a pad value). */
  scalar(value: number, dtype: DType): string {
    return tidy(() => this.#constantOf(tensor([value], { dtype, shape: [] })));
  }

  /** A 1-D constant of `dtype`. */
  constantValues(values: readonly number[], dtype: DType): string {
    return tidy(() => this.#constantOf(tensor([...values], { dtype })));
  }

  /**
   * Appends a node and returns its output names, one per entry of `outputs` (the nagare dtype each
   * output holds, so later casts know it). An empty input name is an omitted optional input.
   */
  node(
    opType: string,
    inputs: readonly string[],
    outputs: readonly DType[],
    attributes: Record<string, OnnxAttribute> = {},
  ): string[] {
    const names = outputs.map((dtype) => {
      const name = this.fresh(opType.toLowerCase());
      this.#dtypes.set(name, dtype);
      return name;
    });
    this.nodes.push({
      name: this.fresh(`${opType}_node`),
      opType,
      domain: '',
      inputs: [...inputs],
      outputs: names,
      attributes,
    });
    return names;
  }
}
