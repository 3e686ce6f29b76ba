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
