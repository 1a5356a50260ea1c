/** A benchmark's command-line options, `--name value`, read from process.argv. */

/** The text after `--name`, or `fallback` when the option is not given. */
export function textFlag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

/** The number after `--name`, or `fallback`; a value that is not a number stops the benchmark. */
export function numberFlag(name: string, fallback: number): number {
  const text = textFlag(name, String(fallback));
  const value = Number(text);
  if (!Number.isFinite(value)) {
    process.stderr.write(`--${name} ${text}: give a number\n`);
    process.exit(2);
  }
  return value;
}
