/** Every CLI subcommand, in the order `relief --help` lists them. */
import { buildRegistry } from '../../core/registry';
import type { CliCommand } from '../command';
import { analyzeCommand } from './analyze';
import { basinsCommand, criticalCommand } from './basins';
import { censusCommand, mergeCommand } from './census';
import { landscapeCommand } from './landscape';
import { nebCommand } from './neb';
import { runCommand } from './run';
import { validateCommand } from './validate';

export const commandList: readonly CliCommand[] = [
  validateCommand,
  runCommand,
  landscapeCommand,
  analyzeCommand,
  censusCommand,
  mergeCommand,
  nebCommand,
  basinsCommand,
  criticalCommand,
];

export const commands = buildRegistry(commandList, (c) => c.name, 'command');
