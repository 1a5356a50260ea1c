/** Writing command output: all at once to stdout, or to a file that appears only when complete. */
import { renameSync, writeFileSync } from 'node:fs';
import { InputError, issue } from '../model/issue.js';

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function printJson(value: unknown): void {
  print(JSON.stringify(value, null, 2));
}

/** Writes a file atomically (temp file then rename), so a failure never leaves half a file. */
export function writeFileAtomic(path: string, text: string, option = '--out'): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    throw new InputError([
      issue(
        'invalid_option',
        option,
        `cannot write "${path}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): check the directory exists and is writable`,
      ),
    ]);
  }
}
