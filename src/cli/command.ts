import type { parseArgs } from 'node:util';

export type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** One CLI subcommand. Register it in commands/index.ts. */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Usage text shown by `relief NAME --help`. */
  readonly usage: string;
  /** Names of the required positional arguments, e.g. ['FILE']. */
  readonly args: readonly string[];
  /** Whether the last positional may repeat (validate FILE..., merge SHARD...); otherwise extra ones are an error. */
  readonly variadic?: boolean;
  readonly options: Options;
  /** Options that must be given, e.g. ['out']. */
  readonly requiredOptions?: readonly string[];
  run(positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number>;
}
