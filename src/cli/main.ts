/**
 * relief: the headless runner of experiment files, on the same jobs and worker pool as the app.
 * Usage: npm run -s relief -- COMMAND ARGS (see --help). Exit 0 ok, 2 bad input, 1 other failure.
 */
import { parseArgs } from 'node:util';
import { clip } from '../core/clip';
import { DEFAULT_MAX_WORK } from '../core/experiment/runnable';
import { loadDefaults } from '../node/experimentFile';
import { InputError } from '../node/inputError';
import { checkOutputPath } from '../node/outputPath';
import { CliError, EXIT } from './cliError';
import { commandList, commands } from './commands';

const HELP = `relief — run Relief experiments without the app

Usage: npm run -s relief -- COMMAND [ARGS] [--help]

Commands:
${commandList.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Options for every command:
  --max-work N   bound of the total work (steps x samples x parameters over all runs) checked before
                 anything runs; default ${DEFAULT_MAX_WORK.toExponential(0).replace('e+', 'e')}, 'none' for no bound

Exit codes: 0 ok, 2 bad input (file or arguments), 1 other failure.
`;

/**
 * Options for every command, taken out before the command's own: `--max-work N` raises (or, with
 * `none`, removes) the bound of the total work checked before any run starts.
 */
function takeGlobalOptions(args: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--max-work=');
    if (a !== '--max-work' && !eq) {
      rest.push(a);
      continue;
    }
    const v = eq ? a.slice('--max-work='.length) : args[++i];
    const n = v === 'none' ? Infinity : Number(v);
    if (v === undefined || !(n > 0))
      throw new CliError(
        `--max-work: must be a positive number (e.g. 1e14) or 'none', got '${clip(String(v), 40)}'`,
      );
    loadDefaults.maxWork = n;
  }
  return rest;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...given] = argv;
  const rest = takeGlobalOptions(given);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name ? EXIT.ok : EXIT.badInput;
  }
  const cmd = commands.get(name);
  if (!cmd) throw new CliError(`unknown command '${name}'; commands: ${[...commands.keys()].join(', ')}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: ${cmd.usage}\n`);
    return EXIT.ok;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nUsage: ${cmd.usage}`);
  }
  const { positionals } = parsed;
  if (positionals.length < cmd.args.length)
    throw new CliError(`missing ${cmd.args.slice(positionals.length).join(' ')}\nUsage: ${cmd.usage}`);
  if (!cmd.variadic && positionals.length > cmd.args.length)
    throw new CliError(
      `unexpected argument '${clip(positionals[cmd.args.length]!)}' (${name} takes ${cmd.args.join(' ')})\nUsage: ${cmd.usage}`,
    );
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const missing = (cmd.requiredOptions ?? []).filter((o) => values[o] === undefined);
  if (missing.length) throw new CliError(`missing --${missing[0]}\nUsage: ${cmd.usage}`);
  // Before any work: an output that cannot be written, or that is one of the inputs, is refused now.
  if (typeof values.out === 'string') checkOutputPath(values.out, inputPaths(positionals, values));
  return cmd.run(positionals, values);
}

/** Every file a command reads: its positional FILE arguments and the CSV options. */
function inputPaths(positionals: string[], values: Record<string, string | boolean | undefined>): string[] {
  const csv = [values['train-csv'], values['test-csv']].filter((v): v is string => typeof v === 'string');
  return [...positionals, ...csv];
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof CliError || e instanceof InputError) {
      process.stderr.write(`relief: ${e.message}\n`);
      process.exit(e instanceof CliError ? e.exitCode : EXIT.badInput);
    }
    process.stderr.write(`relief: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(EXIT.failure);
  },
);
