/** A value that survives `JSON.stringify`/`parse` unchanged (checkpoint metadata, metric accumulators). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// JSON has no NaN or ±Infinity; these tags stand in for them (a metric of an empty epoch is NaN).
const NON_FINITE = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};
const TAG = '$number';

/** JSON text for `value`, keeping NaN and ±Infinity (as `{ "$number": "NaN" }`) and every finite double exactly. */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    typeof v === 'number' && !Number.isFinite(v) ? { [TAG]: String(v) } : v,
  );
}

/** Parses text written by `stringifyJson`. */
export function parseJson(text: string): unknown {
  return JSON.parse(text, (_key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === TAG && v[TAG] in NON_FINITE)
        return NON_FINITE[v[TAG] as keyof typeof NON_FINITE];
    }
    return v;
  });
}
