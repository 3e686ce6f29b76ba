/** What one pass over a JSON object's text found: top-level key count and the first repeated key. */
export interface JsonKeyScan {
  /** Keys of the outermost object, counted until `maxTopLevelKeys` is passed. */
  topLevelKeys: number;
  /** The first key that repeats within one object, at any depth. */
  duplicate: string | undefined;
}

const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

/**
 * Scans JSON text once, without building it: counts the outermost object's keys (stopping as soon
 * as there are more than `maxTopLevelKeys`, so a hostile header is refused before `JSON.parse`
 * allocates for it) and finds the first key that repeats within one object, which `JSON.parse`
 * would silently collapse. Iterative and bounds-checked: deep nesting cannot overflow the stack
 * and malformed text ends the scan (JSON.parse reports it).
 */
export function scanJsonKeys(text: string, maxTopLevelKeys = Infinity): JsonKeyScan {
  const stack: (Set<string> | null)[] = [];
  let topLevelKeys = 0;
  let duplicate: string | undefined;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) break;
      const top = stack[stack.length - 1];
      let next = end + 1;
      while (next < text.length && WHITESPACE.has(text[next])) next++;
      if (top && text[next] === ':') {
        if (stack.length === 1 && ++topLevelKeys > maxTopLevelKeys) break;
        if (duplicate === undefined) {
          let key: string;
          try {
            key = JSON.parse(text.slice(i, end + 1)) as string;
          } catch {
            break; // a malformed string: JSON.parse reports it
          }
          if (top.has(key)) duplicate = key;
          top.add(key);
        }
      }
      i = end + 1;
      continue;
    }
    if (ch === '{') stack.push(new Set());
    else if (ch === '[') stack.push(null);
    else if (ch === '}' || ch === ']') stack.pop();
    i++;
  }
  return { topLevelKeys, duplicate };
}

/** The first key that repeats within one JSON object, at any depth (see `scanJsonKeys`). */
export function findDuplicateKey(text: string): string | undefined {
  return scanJsonKeys(text).duplicate;
}
