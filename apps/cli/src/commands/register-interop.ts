import { type Command, Option } from 'commander';
import { integerFlag } from '../util/parse-flag';

/**
 * Adds `nagare export` and `nagare import` (model interchange through @nagare/io) to the program.
 * Like the other commands, each loads its module only when it runs.
 *
 * @example
 * registerInteropCommands(program, log, setExit);
 */
export function registerInteropCommands(
  program: Command,
  log: (line: string) => void,
  setExit: (code: number) => void,
): void {
  program
    .command('export')
    .description('write a trained model as ONNX, safetensors (PyTorch names) or a PyTorch model.py directory')
    .argument('<run-dir|checkpoint>', 'a run directory or a .safetensors checkpoint')
    .addOption(
      new Option('--format <format>', 'file format')
        .choices(['onnx', 'safetensors', 'pytorch'])
        .makeOptionMandatory(),
    )
    .requiredOption('--out <path>', 'where to write the model (a directory for pytorch)')
    .option('--with-data', 'pytorch: also write the train/val/test splits as safetensors')
    .addOption(new Option('--opset <n>', 'ONNX opset version (17–22)').argParser(integerFlag(17)).default(17))
    .addOption(
      new Option('--batch-size <n>', 'batch size of the ONNX graph (its shapes are fixed)')
        .argParser(integerFlag(1))
        .default(1),
    )
    .action(async (target, flags) => {
      const { exportCommand } = await import('./export');
      setExit(await exportCommand(target, flags, log));
    });

  program
    .command('import')
    .description("import an ONNX model with nagare's importer: print its graph summary, optionally run it")
    .argument('<model.onnx>', 'an ONNX model file')
    .option('--input <values>', 'run on zeros, random, comma-separated values or a file of numbers')
    .option('--json', 'print JSON instead of text')
    .action(async (file, flags) => {
      const { importCommand } = await import('./import');
      setExit(await importCommand(file, flags, log));
    });
}
