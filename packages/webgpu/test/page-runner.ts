// The page side of the browser harness: creates the webgpu backend, installs it, and exposes
// `__nagareRun(name, args)`, which calls the entry's export and returns JSON (errors included).
import { useBackend } from '@nagare/tensor';
import { createWebGPUBackend, type WebGPUBackend } from '@nagare/webgpu';

type EntryFunction = (args: unknown, backend: WebGPUBackend) => unknown;

export function install(entry: Record<string, unknown>): void {
  (globalThis as unknown as { __nagareRun: unknown }).__nagareRun = async (name: string, args: unknown) => {
    const fn = entry[name] as EntryFunction | undefined;
    if (typeof fn !== 'function')
      return JSON.stringify({ ok: false, error: `the entry has no export ${name}` });
    try {
      const backend = await createWebGPUBackend();
      useBackend(backend);
      try {
        return JSON.stringify({ ok: true, value: await fn(args, backend) });
      } finally {
        backend.destroy();
      }
    } catch (error) {
      const described =
        error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error);
      return JSON.stringify({ ok: false, error: described });
    }
  };
}
