// Page entry: runs the README example (passed in as text) with the real packages, capturing what
// it logs, so the Node-side test can compare each line with the comment beside it.
import * as nagareTensor from '@nagare/tensor';
import * as nagareWebgpu from '@nagare/webgpu';

const MODULES: Record<string, Record<string, unknown>> = {
  '@nagare/tensor': nagareTensor,
  '@nagare/webgpu': nagareWebgpu,
};

/** Runs `code` (TypeScript without type-only syntax beyond `as` casts) and returns each console.log's arguments. */
export async function runReadme({ code }: { code: string }): Promise<unknown[][]> {
  const names: string[] = [];
  const values: unknown[] = [];
  let body = code.replace(/ as Error/g, '');
  for (const match of code.matchAll(/^import \{ (.*) \} from '(@nagare\/\w+)';$/gm)) {
    for (const name of match[1].split(', ')) {
      names.push(name);
      values.push(MODULES[match[2]][name]);
    }
    body = body.replace(match[0], '');
  }
  const printed: unknown[][] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => printed.push(args);
  try {
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<void>;
    await new AsyncFunction(...names, body)(...values);
  } finally {
    console.log = log;
  }
  return printed;
}
