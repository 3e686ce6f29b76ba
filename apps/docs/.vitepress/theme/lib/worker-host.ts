// The worker side: typed message handling with errors reported to the page instead of lost.

/** Posts a message to the page (a typed `postMessage` for worker scripts). */
export function reply<Response>(message: Response, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(message, transfer);
}

/** Runs `handle` for every message; a thrown error becomes `{ type: 'error', message }`. */
export function onRequest<Request>(handle: (request: Request) => void | Promise<void>): void {
  self.onmessage = async (event: MessageEvent<Request>) => {
    try {
      await handle(event.data);
    } catch (error) {
      reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}

/**
 * A queue that runs the tasks given to it one after another, in order. A worker has one active
 * backend: a request that installs another one must wait until the computation before it is done,
 * or that computation would continue on the new backend with tensors of the old one.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let previous: Promise<unknown> = Promise.resolve();
  return (task) => {
    const next = previous.then(task);
    // A failed task reports its own error (to its caller); the queue goes on with the next one.
    previous = next.catch(() => undefined);
    return next;
  };
}
