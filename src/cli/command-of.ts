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
 * worker (dist/bin/replication-worker.cjs), each thread with its own copy, as with the modules.
 */
export const MODULE_COMMANDS: readonly string[] = ['serve'];

/** The commands that run replications on the worker pool (src/node/worker-pool.ts). */
const POOL_COMMANDS: readonly string[] = ['simulate', 'compare', 'check'];

/** Whether the command the arguments name simulates (runs replications on the worker pool). */
export function simulates(argv: readonly string[]): boolean {
  const name = commandOf(argv);
  return name !== undefined && POOL_COMMANDS.includes(name);
}

/** The value an option is given on the command line (`--name v` or `--name=v`), or undefined. */
function optionValue(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === name) value = argv[++i];
    else if (a.startsWith(`${name}=`)) value = a.slice(name.length + 1);
  }
  return value;
}

/**
 * The lanes a command line will run replications on, read before the program loads so that its threads
 * can start early (src/node/replication-thread.ts): 0 for a command that runs none, or asks for help,
 * or for one replication (or none); the `--workers` given; else undefined, every core. Only a hint:
 * the command itself decides, from its parsed options, and a thread started early that it does not
 * take is stopped when it ends (src/cli/main.ts).
 */
export function lanesAsked(argv: readonly string[]): number | undefined {
  if (!simulates(argv)) return 0;
  if (argv.some((a) => a === '--help' || a === '-h')) return 0;
  const replications = optionValue(argv, '--replications');
  if (replications !== undefined && !(Number(replications) > 1)) return 0;
  const workers = optionValue(argv, '--workers');
  if (workers === undefined) return undefined;
  const lanes = Number(workers);
  return Number.isInteger(lanes) && lanes >= 1 ? lanes : 0;
}
