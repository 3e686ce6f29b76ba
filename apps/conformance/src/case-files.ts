import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFiles } from './run-case-async';

const numbered = (prefix: string, files: string[]) =>
  files
    .filter((f) => new RegExp(`^${prefix}_\\d+\\.pb$`).test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));

/**
 * The bytes of one ONNX case folder (model.onnx and every test_data_set_*), for `runCaseAsync`.
 * A browser harness builds the same object from fetched files.
 */
export function readCaseFiles(caseDir: string): CaseFiles {
  const dataSets = readdirSync(caseDir)
    .filter((d) => /^test_data_set_\d+$/.test(d) && statSync(join(caseDir, d)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(caseDir, name);
      const files = readdirSync(dir);
      const read = (file: string) => new Uint8Array(readFileSync(join(dir, file)));
      return {
        name,
        inputs: numbered('input', files).map(read),
        outputs: numbered('output', files).map(read),
      };
    });
  return { model: new Uint8Array(readFileSync(join(caseDir, 'model.onnx'))), dataSets };
}
