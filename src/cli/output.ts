/**
 * Writing command output: to standard output, whose write errors are kept and reported (exit
 * code 1) instead of lost, or to a file written safely (see io/safe-write).
 */
import { OutputError, writeOutputFile } from '../io/safe-write.js';
import { formatIssue, type Issue } from '../model/issue.js';

let stdoutError: NodeJS.ErrnoException | undefined;

/** Records a failed write to standard output (the first one counts); later output is dropped. */
export function stdoutFailed(e: NodeJS.ErrnoException): void {
  stdoutError ??= e;
}

export function print(text: string): void {
  if (stdoutError) return;
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`, (e) => {
    if (e) stdoutFailed(e);
  });
}

export function printJson(value: unknown): void {
  print(JSON.stringify(value, null, 2));
}

/**
 * Waits until what was printed has been handed to the system, then throws an OutputError if any of
 * it could not be written. A reader that closed the pipe (EPIPE, a pager quit) is not an error.
 */
export async function flushStdout(): Promise<void> {
  const out = process.stdout;
  if (!stdoutError && out.writableLength > 0) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('error', done);
        resolve();
      };
      out.on('drain', done);
      out.on('error', done);
    });
  }
  // A failed write reports its error on a later tick.
  await new Promise((resolve) => setImmediate(resolve));
  if (stdoutError && stdoutError.code !== 'EPIPE') throw new OutputError('to standard output', stdoutError);
}

/** Writes a file safely: atomically for a regular file, through links, in place for FIFOs and devices. */
export function writeFileAtomic(path: string, text: string): void {
  writeOutputFile(path, text);
}

/**
 * Shows on standard error, before a run, the warnings about implausible values of the network (a
 * demand of 300,000 trucks a day): the run goes on, and the figures it prints are read knowing it.
 */
export function warnImplausible(warnings: readonly Issue[]): void {
  for (const w of warnings) if (w.code === 'implausible_value') process.stderr.write(`${formatIssue(w)}\n`);
}
