// The page side of a demo: one Web Worker per demo, so training never blocks the page.

/** A worker speaking `Request` in and `Response` out, replaced by a fresh one after `terminate()`. */
export class DemoWorker<Request, Response> {
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

/** The site's base URL joined with `path`, as an absolute URL a worker can fetch. */
export function siteUrl(base: string, path: string): string {
  return new URL(`${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`, window.location.href).href;
}
