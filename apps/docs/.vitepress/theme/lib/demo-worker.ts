// The page side of every live example: one Web Worker per demo, so training never blocks the page.
// `useDemoWorker` is the protocol all five demos share: typed handlers per response type, a
// `running` flag and a status line, errors (thrown in the worker, or the worker failing to start)
// shown as the status, and the worker ended when the page leaves.
import { onBeforeUnmount, type Ref, ref } from 'vue';

/** What a worker sends when a request failed (`onRequest` in worker-host.ts). */
interface WorkerError {
  type: 'error';
  message: string;
}

/** A worker speaking `Request` in and `Response` out, replaced by a fresh one after `terminate()`. */
class DemoWorker<Request, Response> {
  private worker: Worker | null = null;

  constructor(
    private readonly create: () => Worker,
    private readonly onMessage: (message: Response) => void,
    private readonly onError: (message: string) => void,
  ) {}

  /** Sends a message, starting the worker on first use. */
  post(message: Request, transfer: Transferable[] = []): void {
    if (!this.worker) {
      const worker = this.create();
      worker.onmessage = (event: MessageEvent<Response>) => this.onMessage(event.data);
      worker.onerror = (event) => this.onError(event.message || 'the worker failed to start');
      this.worker = worker;
    }
    this.worker.postMessage(message, transfer);
  }

  /** Ends the worker immediately (a demo that cannot stop cooperatively, or the page leaving). */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

type ResponseType<Response> = Exclude<Response extends { type: infer T } ? T : never, 'error'>;

/** A handler for each response type a demo listens to (errors are handled for it). */
export type ResponseHandlers<Response extends { type: string }> = {
  [T in ResponseType<Response>]?: (message: Extract<Response, { type: T }>) => void;
};

/** Options of `useDemoWorker`. */
export interface DemoWorkerOptions<Response> {
  /** The status line before the first run. */
  status?: string;
  /** Drops responses for which this is false (e.g. those of a run since replaced); errors always pass. */
  accept?: (message: Response) => boolean;
}

/** A demo's worker and its run state, from `useDemoWorker`. */
export interface DemoWorkerHandle<Request> {
  /** True from `start` until a handler sets it false or an error arrives. */
  running: Ref<boolean>;
  /** The status line under the demo's controls. */
  status: Ref<string>;
  /** Marks the demo running with `status`, then sends `message`. */
  start(message: Request, status: string, transfer?: Transferable[]): void;
  /** Sends `message` without changing the run state. */
  post(message: Request, transfer?: Transferable[]): void;
  terminate(): void;
}

/**
 * Starts a demo's worker lazily and dispatches each response to `handlers[response.type]`; call it
 * from a component's setup, which ends the worker when the component unmounts.
 *
 * @example
 * const demo = useDemoWorker<PathsRequest, PathsResponse>(createPathsWorker, { paths: (m) => show(m) });
 * demo.start({ type: 'run', start: [-7, 2], steps: 30 }, 'Running the optimizers…');
 */
export function useDemoWorker<Request, Response extends { type: string }>(
  create: () => Worker,
  handlers: ResponseHandlers<Response>,
  options: DemoWorkerOptions<Response> = {},
): DemoWorkerHandle<Request> {
  const running = ref(false);
  const status = ref(options.status ?? '');
  const fail = (message: string) => {
    running.value = false;
    status.value = `Error: ${message}`;
  };
  const worker = new DemoWorker<Request, Response | WorkerError>(
    create,
    (message) => {
      if (message.type === 'error') return fail((message as WorkerError).message);
      if (options.accept && !options.accept(message as Response)) return;
      const handle = handlers[message.type as ResponseType<Response>] as ((m: Response) => void) | undefined;
      handle?.(message as Response);
    },
    fail,
  );
  onBeforeUnmount(() => worker.terminate());
  return {
    running,
    status,
    start(message, text, transfer) {
      running.value = true;
      status.value = text;
      worker.post(message, transfer);
    },
    post: (message, transfer) => worker.post(message, transfer),
    terminate: () => worker.terminate(),
  };
}

/** The site's base URL joined with `path`, as an absolute URL a worker can fetch. */
export function siteUrl(base: string, path: string): string {
  return new URL(`${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`, window.location.href).href;
}
