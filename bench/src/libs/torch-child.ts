import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A request of the child protocol (see bench/python/torch_bench.py). */
export type TorchRequest =
  | { op: 'hello' }
  | { op: 'prepare'; spec: unknown; data?: { path: string; arrays: readonly unknown[] } }
  | { op: 'run'; case: number; count: number }
  | { op: 'dispose'; case: number };

/** A successful reply: the fields after `ok`. */
export type TorchReply = Record<string, unknown>;

/** Most of the child's stderr kept for the reason when it dies. */
const STDERR_TAIL = 2000;

/**
 * Parses one reply line of the child: `{"ok": true, …}` gives its fields; `{"ok": false, "error"}`
 * throws that error, which becomes the case's n/a reason; anything else throws too.
 *
 * @example
 * parseReply('{"ok": true, "seconds": 0.5}'); // { ok: true, seconds: 0.5 }
 */
export function parseReply(line: string): TorchReply {
  let reply: unknown;
  try {
    reply = JSON.parse(line);
  } catch {
    throw new Error(`pytorch child: not a JSON reply: ${line.slice(0, 200)}`);
  }
  if (typeof reply !== 'object' || reply === null || typeof (reply as TorchReply).ok !== 'boolean')
    throw new Error(`pytorch child: reply without "ok": ${line.slice(0, 200)}`);
  const fields = reply as TorchReply;
  if (fields.ok === false) throw new Error(String(fields.error ?? 'the child reported an error'));
  return fields;
}

/** A reply's numeric field, or an error naming what is missing. */
export function numberField(reply: TorchReply, name: string): number {
  const value = reply[name];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`pytorch child: reply has no number "${name}": ${JSON.stringify(reply)}`);
  return value;
}

/**
 * A running child process that speaks the bench's JSON-lines protocol: each `request` writes one
 * line to its stdin and resolves to its reply line. The child answers in order, so replies are
 * matched to requests first-in, first-out. When the child exits, every pending and later request
 * rejects with its exit status and the end of its stderr.
 */
export class TorchChild {
  private readonly pending: { resolve: (reply: TorchReply) => void; reject: (error: Error) => void }[] = [];
  private stderr = '';
  private exitReason: string | undefined;

  private constructor(private readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => this.onLine(line));
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    // A write to a child that has died fails here; 'close' below reports why it died.
    child.stdin!.on('error', () => {});
    child.on('error', (error) => this.fail(`could not start: ${error.message}`));
    // 'close' comes after the child's output is drained, so no reply line is lost to it.
    child.on('close', (code, signal) => this.fail(`exited (${signal ?? `code ${code}`})`));
  }

  /** Starts `command args…` with `env`, its stdin and stdout being the protocol's pipes. */
  static start(command: string, args: readonly string[], env: NodeJS.ProcessEnv): TorchChild {
    return new TorchChild(spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  /** Sends one request and resolves to the child's reply (rejects with its error). */
  request(message: TorchRequest): Promise<TorchReply> {
    if (this.exitReason !== undefined) return Promise.reject(new Error(this.exitReason));
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin!.write(`${JSON.stringify(message)}\n`);
    });
  }

  /** Ends the child by closing its stdin, and waits for it to exit. */
  async close(): Promise<void> {
    if (this.exitReason !== undefined) return;
    const closed = new Promise((resolve) => this.child.once('close', resolve));
    this.child.stdin!.end();
    await closed;
  }

  private onLine(line: string): void {
    if (line.trim() === '') return;
    const waiter = this.pending.shift();
    if (!waiter) return;
    try {
      waiter.resolve(parseReply(line));
    } catch (error) {
      waiter.reject(error as Error);
    }
  }

  private fail(what: string): void {
    const detail = this.stderr.trim().split('\n').slice(-3).join(' / ');
    this.exitReason ??= `pytorch child ${what}${detail ? `: ${detail}` : ''}`;
    for (const waiter of this.pending.splice(0)) waiter.reject(new Error(this.exitReason));
  }
}
