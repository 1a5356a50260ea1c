/**
 * The one place where errors become exit codes and messages: a user's mistake (or a request over a
 * limit) is a list of issues and exit code 2; output that could not be written is exit code 1 with
 * the reason; anything else is a bug in Caravan, exit code 1, with the stack only on request.
 */
import { CommanderError } from 'commander';
import { OutputError } from '../io/safe-write.js';
import { formatIssue, InputError, printable } from '../model/issue.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;
/** Output could not be written (a full disk, a closed pipe): the environment, not Caravan, is at fault. */
export const EXIT_OUTPUT = 1;

export function exitCodeFor(error: unknown): number {
  if (error instanceof InputError) return EXIT_INPUT;
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_INPUT;
  if (error instanceof OutputError) return EXIT_OUTPUT;
  return EXIT_INTERNAL;
}

/** The message a person reads on stderr for an error. */
export function describeError(error: unknown): string {
  if (error instanceof InputError) {
    const errors = error.issues.filter((i) => i.severity === 'error');
    const lines = error.issues.map((i) => `  ${formatIssue(i)}`);
    const head = errors.length === 1 ? 'error:' : `${errors.length} errors:`;
    return `${head}\n${lines.join('\n')}`;
  }
  if (error instanceof CommanderError) return '';
  if (error instanceof OutputError) return `error: ${printable(error.message)}`;
  const e = error as Error;
  const stack = process.env.CARAVAN_DEBUG ? `\n${e.stack}` : '\n(set CARAVAN_DEBUG=1 to see the stack trace)';
  return `internal error: ${printable(e?.message ?? String(error))}: this is a bug in Caravan, please report it${stack}`;
}
