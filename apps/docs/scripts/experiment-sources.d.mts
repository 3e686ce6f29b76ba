// Types of experiment-sources.mjs for the TypeScript tests.
export declare function experimentsDir(): string;
export declare function experimentSourceFiles(name: string, root?: string): string[] | null;
export declare function experimentSourceHash(name: string, root?: string): string | null;
