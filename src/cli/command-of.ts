/** Which command a `caravan` command line names, before any module of a command is loaded. */

/** The command the arguments name (the first word that is not an option or the value of --limit). */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--limit') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * The commands that run from the compiled modules rather than the CLI bundle (dist/bin): `serve`,
 * whose server loads the use cases by their module's address, so that one thread holds one copy of
 * each module (and of the limits it was given). Every other command, the help and a mistyped command
 * run from the bundle; `simulate`, `compare` and `check` start their worker threads from the bundled
 * worker (dist/bin/replication-worker.js), each thread with its own copy, as with the modules.
 */
export const MODULE_COMMANDS: readonly string[] = ['serve'];
