/**
 * A Python expression of the generated model.py: source text, a call (`nn.Linear(4, 2, bias=True)`),
 * a list or a tuple. Calls nest, so a model is one expression printed with line breaks where it is long.
 */
export type PyExpr =
  | string
  | { kind: 'call'; callee: string; args: readonly PyExpr[]; kwargs: readonly (readonly [string, PyExpr])[] }
  | { kind: 'list' | 'tuple'; items: readonly PyExpr[] };

/** Longest line the printer keeps on one line before it breaks a call's arguments, one per line. */
const LINE_WIDTH = 96;

/** `callee(args..., name=value...)`; keyword arguments whose value is undefined are left out. */
export function call(
  callee: string,
  args: readonly PyExpr[] = [],
  kwargs: Record<string, PyExpr | undefined> = {},
): PyExpr {
  const named = Object.entries(kwargs).filter((entry): entry is [string, PyExpr] => entry[1] !== undefined);
  return { kind: 'call', callee, args, kwargs: named };
}

export const list = (items: readonly PyExpr[]): PyExpr => ({ kind: 'list', items });
export const tuple = (items: readonly PyExpr[]): PyExpr => ({ kind: 'tuple', items });

/** A Python number literal. Floats keep a decimal point or exponent, so `1` written as a float stays `1.0`. */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return 'float("nan")';
  if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export const pyInt = (value: number): string => String(value);
export const pyBool = (value: boolean): string => (value ? 'True' : 'False');
/** A double-quoted Python string (JSON's escapes are valid Python escapes). */
export const pyString = (value: string): string => JSON.stringify(value);
/** An int, or a tuple of ints when the two entries differ (PyTorch accepts both for 2-D sizes). */
export const pyPair = ([a, b]: readonly [number, number]): PyExpr =>
  a === b ? pyInt(a) : tuple([pyInt(a), pyInt(b)]);

function inline(expr: PyExpr): string {
  if (typeof expr === 'string') return expr;
  if (expr.kind === 'call') {
    const parts = [
      ...expr.args.map(inline),
      ...expr.kwargs.map(([name, value]) => `${name}=${inline(value)}`),
    ];
    return `${expr.callee}(${parts.join(', ')})`;
  }
  const items = expr.items.map(inline);
  if (expr.kind === 'list') return `[${items.join(', ')}]`;
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/**
 * Prints `expr` starting at column `indent`: on one line when it fits, else with each argument or
 * item on its own line, indented four more spaces, and a trailing comma (black's style).
 */
export function printExpr(expr: PyExpr, indent = 0): string {
  const flat = inline(expr);
  if (typeof expr === 'string' || indent + flat.length <= LINE_WIDTH) return flat;
  const inner = ' '.repeat(indent + 4);
  const entries =
    expr.kind === 'call'
      ? [
          ...expr.args.map((arg) => printExpr(arg, indent + 4)),
          ...expr.kwargs.map(([name, value]) => `${name}=${printExpr(value, indent + 5 + name.length)}`),
        ]
      : expr.items.map((item) => printExpr(item, indent + 4));
  const [open, close] =
    expr.kind === 'call' ? [`${expr.callee}(`, ')'] : expr.kind === 'list' ? ['[', ']'] : ['(', ')'];
  if (entries.length === 0) return `${open}${close}`;
  return `${open}\n${entries.map((entry) => `${inner}${entry},`).join('\n')}\n${' '.repeat(indent)}${close}`;
}
