/**
 * Finds the first key that repeats within one JSON object, at any depth. `JSON.parse` silently
 * keeps the last of two equal keys, which would hide a duplicated tensor name. The scan is
 * iterative (no recursion), so deeply nested hostile input cannot overflow the stack; it assumes
 * the text is otherwise valid JSON (call it after `JSON.parse` succeeded).
 */
export function findDuplicateKey(text: string): string | undefined {
  const stack: (Set<string> | null)[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      let next = end + 1;
      while (next < text.length && ' \t\r\n'.includes(text[next])) next++;
      if (top && text[next] === ':') {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.has(key)) return key;
        top.add(key);
      }
      i = end + 1;
      continue;
    }
    if (ch === '{') stack.push(new Set());
    else if (ch === '[') stack.push(null);
    else if (ch === '}' || ch === ']') stack.pop();
    i++;
  }
  return undefined;
}
