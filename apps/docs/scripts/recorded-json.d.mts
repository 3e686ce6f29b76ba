// The shape of src/public/recipes/<name>/recorded.json (written by record-recipe.mjs), shared by
// the declarations of the scripts that read it.
export interface RecordedComparison {
  citation: string;
  setting: string;
  figure: string;
  size: string;
  follows_source: boolean;
  measured: string;
  agrees: boolean;
  criterion: string;
}

export interface RecordedRun {
  command: string;
  size?: string;
  date?: string;
  sourceHash?: string | null;
  sourceFiles?: string[];
  comparison?: RecordedComparison;
  [field: string]: unknown;
}

export interface RecordedEntry {
  name: string;
  recorded: RecordedRun | null;
}
