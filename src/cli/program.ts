/**
 * The `caravan` program: one file per subcommand, errors mapped to exit codes in one place. The
 * executable is src/cli/main.ts, which runs it from the CLI bundle or from the modules.
 */
import { writeSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { z } from 'zod';
import { formatIssue } from '../model/issue.js';
import {
  configureLimits,
  currentLimits,
  LIMIT_NAMES,
  limitIssue,
  parseLimitSettings,
} from '../model/limits.js';
import { commandOf } from './command-of.js';
import { describeError, EXIT_INPUT, exitCodeFor } from './errors.js';
import { flushStdout, stdoutFailed } from './output.js';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs (or for the help, which lists them
 * all), so that `caravan route` does not load the simulator, the LP solver or the charts.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  overview: async () => (await import('./overview.js')).registerOverview,
  validate: async () => (await import('./validate.js')).registerValidate,
  network: async () => (await import('./network.js')).registerNetwork,
  route: async () => (await import('./route.js')).registerRoute,
  assign: async () => (await import('./assign.js')).registerAssign,
  resilience: async () => (await import('./resilience.js')).registerResilience,
  outlook: async () => (await import('./outlook.js')).registerOutlook,
  simulate: async () => (await import('./simulate.js')).registerSimulate,
  compare: async () => (await import('./compare.js')).registerCompare,
  scenarios: async () => (await import('./scenarios.js')).registerScenarios,
  serve: async () => (await import('./serve.js')).registerServe,
  check: async () => (await import('./check.js')).registerCheck,
};

/**
 * The modules of the commands to register: the one named, none for the version alone, or all of them
 * (the help, a typo).
 */
async function commandModules(argv: readonly string[]): Promise<Register[]> {
  const name = commandOf(argv);
  const load = name !== undefined ? COMMANDS[name] : undefined;
  if (load) return [await load()];
  if (name === undefined && argv.some((a) => a === '--version' || a === '-V')) return [];
  return Promise.all(Object.values(COMMANDS).map((f) => f()));
}

export function buildProgram(commands: readonly Register[]): Command {
  const program = new Command()
    .name('caravan')
    .description('A digital twin of the China–Europe overland freight corridors through Kazakhstan')
    .version('0.1.0')
    .option(
      '--limit <name=value>',
      `change a limit, e.g. --limit file_bytes=16MiB (repeatable; see docs/limits.md): ${LIMIT_NAMES.join(', ')}`,
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of commands) register(program);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  for (const cmd of program.commands.flatMap((c) => c.commands)) cmd.exitOverride();
  // The limits apply from before the command reads anything.
  program.hook('preAction', (_program, action) => {
    configureLimits({
      values: parseLimitSettings(program.opts<{ limit?: string[] }>().limit ?? []),
      raise: (name, value) => `raise it with: caravan --limit ${name}=${value} …`,
    });
    // A server runs until stopped: job_seconds bounds each of its jobs instead.
    if (action.name() !== 'serve') startJobTimer();
  });
  return program;
}

let jobTimer: NodeJS.Timeout | undefined;

/**
 * Ends the command with exit code 2 once it has run longer than the limit job_seconds. The timer
 * fires between steps: a step that holds the thread (one replication, one year of an outlook)
 * finishes first.
 */
function startJobTimer(): void {
  const seconds = currentLimits().job_seconds;
  if (!Number.isFinite(seconds)) return;
  jobTimer = setTimeout(() => {
    const i = limitIssue(
      'job_seconds',
      seconds,
      'time this command has run',
      'ask for less (fewer days, replications, years)',
    );
    writeSync(2, `error:\n  ${formatIssue(i)}\n`);
    process.exit(EXIT_INPUT);
  }, seconds * 1000);
  jobTimer.unref();
}

let listening = false;

export async function main(argv: readonly string[]): Promise<number> {
  if (!listening) {
    listening = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      // A reader that has gone (a pager quit, `| head`) wants no more: stop quietly.
      if (e.code === 'EPIPE') process.exit(0);
      stdoutFailed(e);
    });
  }
  configureLimits({});
  // A command validates its input once: zod's compiled parsers (made with `new Function` at a
  // schema's first parse) cost more to make than they save then (the M/M/4 product run's first
  // replication ~7 ms sooner, bench/sim/RESULTS-sim.md); a server, validating again and again, keeps them.
  z.config({ jitless: commandOf(argv) !== 'serve' });
  try {
    await buildProgram(await commandModules(argv)).parseAsync(argv as string[], { from: 'user' });
    await flushStdout();
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const message = describeError(error);
    if (message) process.stderr.write(`${message}\n`);
    return exitCodeFor(
      error instanceof CommanderError && error.code === 'commander.helpDisplayed'
        ? new CommanderError(0, '', '')
        : error,
    );
  } finally {
    clearTimeout(jobTimer);
  }
}
