// Extracts the TypeScript code blocks of the guide so the snippet test can type-check and run them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Snippet {
  /** `guide/tensors.md:42`: the page and the line the block starts on. */
  id: string;
  code: string;
  /** False for blocks marked `ts no-run` (browser-only code, long training): type-checked only. */
  shouldRun: boolean;
}

// A fence may be indented (inside a list item); its closing fence has the same indentation.
const FENCE = /^( *)```(ts|typescript)\b([^\n]*)\n([\s\S]*?)^\1```$/gm;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'public' || entry.name === 'generated' ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** Every ```ts block under `srcDir` (the generated pages and public files excluded), in page order. */
export function extractSnippets(srcDir: string): Snippet[] {
  return markdownFiles(srcDir)
    .sort()
    .flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(FENCE)].map((match) => {
        const [, indent, , info, body] = match;
        const line = text.slice(0, match.index).split('\n').length;
        return {
          id: `${relative(srcDir, file)}:${line}`,
          code: body
            .split('\n')
            .map((codeLine) => (codeLine.startsWith(indent) ? codeLine.slice(indent.length) : codeLine))
            .join('\n'),
          shouldRun: !/\bno-run\b/.test(info),
        };
      });
    });
}
