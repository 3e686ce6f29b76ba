import { Option } from 'commander';
import { LIMITS } from '../config/limits';
import { integerFlag } from '../util/parse-flag';
import type { NagareCommand } from './nagare-command';
import type { CommandContext } from './options';

/** `nagare export`: a trained model as ONNX, safetensors or a PyTorch directory. Its required options say so in --help. */
export function addExportCommand(program: NagareCommand, { log, setExit }: CommandContext): void {
  program
    .command('export')
    .description('write a trained model as ONNX, safetensors (PyTorch names) or a PyTorch model.py directory')
    .argument('<run-dir|checkpoint>', 'a run directory or a .safetensors checkpoint')
    .addOption(
      new Option('--format <format>', 'file format (required)')
        .choices(['onnx', 'safetensors', 'pytorch'])
        .makeOptionMandatory(),
    )
    .requiredOption('--out <path>', 'where to write the model, a directory for pytorch (required)')
    .option('--with-data', 'pytorch: also write the train/val/test splits as safetensors')
    .addOption(
      new Option('--opset <n>', 'ONNX opset version (17–22)')
        .argParser(integerFlag(LIMITS.opset))
        .default(17),
    )
    .addOption(
      new Option('--batch-size <n>', 'batch size of the ONNX graph (its shapes are fixed)')
        .argParser(integerFlag(LIMITS.batchSize))
        .default(1),
    )
    .action(async (target, flags) => {
      const { exportCommand } = await import('../commands/export');
      setExit(await exportCommand(target, flags, log));
    });
}

/** `nagare import`: an ONNX model's graph summary, optionally run. */
export function addImportCommand(program: NagareCommand, { log, setExit }: CommandContext): void {
  program
    .command('import')
    .description("import an ONNX model with nagare's importer: print its graph summary, optionally run it")
    .argument('<model.onnx>', 'an ONNX model file')
    .option('--input <values>', 'run on zeros, random, comma-separated values or a file of numbers')
    .option('--json', 'print JSON instead of text')
    .action(async (file, flags) => {
      const { importCommand } = await import('../commands/import');
      setExit(await importCommand(file, flags, log));
    });
}
