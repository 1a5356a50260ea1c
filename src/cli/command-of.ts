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
 * The commands that run from the compiled modules rather than the CLI bundle (dist/bin): `serve`
 * loads the use cases by their module's address, and `simulate`, `compare` and `check` start worker
 * threads that load the modules themselves, so that one process holds one copy of each module (and
 * of the limits it was given). Every other command, the help and a mistyped command run from the
 * bundle.
 */
export const MODULE_COMMANDS: readonly string[] = ['serve', 'simulate', 'compare', 'check'];
