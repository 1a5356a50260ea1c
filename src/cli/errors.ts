/**
 * The one place where errors become exit codes and messages: a user's mistake is a list of issues
 * and exit code 2; anything else is a bug in Caravan, exit code 1, with the stack only on request.
 */
import { CommanderError } from 'commander';
import { formatIssue, InputError } from '../model/issue.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

export function exitCodeFor(error: unknown): number {
  if (error instanceof InputError) return EXIT_INPUT;
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_INPUT;
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
  const e = error as Error;
  const stack = process.env.CARAVAN_DEBUG ? `\n${e.stack}` : '\n(set CARAVAN_DEBUG=1 to see the stack trace)';
  return `internal error: ${e?.message ?? String(error)}: this is a bug in Caravan, please report it${stack}`;
}
