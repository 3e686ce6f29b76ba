// Types of serve.mjs for the TypeScript tests.
export declare const DIST: string;
export declare function serveSite(options?: {
  root?: string;
  port?: number;
  host?: string;
}): Promise<{ url: string; close: () => Promise<void> }>;
