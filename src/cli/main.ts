#!/usr/bin/env node
/** The `caravan` command: one file per subcommand, errors mapped to exit codes in one place. */
import { Command, CommanderError } from 'commander';
import { registerAssign } from './assign.js';
import { describeError, exitCodeFor } from './errors.js';
import { registerNetwork } from './network.js';
import { registerOutlook } from './outlook.js';
import { registerOverview } from './overview.js';
import { registerResilience } from './resilience.js';
import { registerRoute } from './route.js';
import { registerSimulate } from './simulate.js';
import { registerValidate } from './validate.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('caravan')
    .description('A digital twin of the China–Europe overland freight corridors through Kazakhstan')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerOverview(program);
  registerValidate(program);
  registerNetwork(program);
  registerRoute(program);
  registerAssign(program);
  registerResilience(program);
  registerOutlook(program);
  registerSimulate(program);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  for (const cmd of program.commands.flatMap((c) => c.commands)) cmd.exitOverride();
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  try {
    await buildProgram().parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const message = describeError(error);
    if (message) process.stderr.write(`${message}\n`);
    return exitCodeFor(
      error instanceof CommanderError && error.code === 'commander.helpDisplayed'
        ? new CommanderError(0, '', '')
        : error,
    );
  }
}

process.exitCode = await main(process.argv.slice(2));
