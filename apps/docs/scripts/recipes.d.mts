// Types of recipes.mjs for the TypeScript tests (the parts they use and the page builders').
export declare const GENERATED: string;
export declare const REPORTS: string;
export declare function cliPath(): string;
export declare function readTrainFlags(): Set<string>;
export declare function parseExperimentTable(text: string): { name: string; description: string }[];
export declare function readExperiments(): { name: string; description: string }[];
export declare function reportFigures(html: string): {
  headline: string | null;
  sections: { title: string; body: string }[];
  style: string;
};
export declare function scopeReportStyle(css: string): string;
