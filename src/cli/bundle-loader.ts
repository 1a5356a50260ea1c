/**
 * Loading the CLI bundle (dist/bin/program.cjs, made by scripts/bundle-cli.mjs) with V8's code cache
 * of it (dist/bin/program.cjs.code-cache, made by scripts/code-cache.mjs).
 *
 * Most of a short command's time is V8 compiling JavaScript it runs once: parsing the bundle and
 * compiling each function on its first call. The build runs a route question on the embedded network
 * once and keeps the code V8 compiled for it; a later start hands that cache to V8 with the source, and
 * V8 takes the compiled functions from it instead of compiling them again. The cache only saves work:
 * V8 checks it against its own version, flags and the source, and compiles as usual when it does not
 * match (a new Node, an edited bundle) or is missing. The bundle is one CommonJS script because V8's
 * code cache is open to scripts, not to ES modules, in Node 20; the build writes it already wrapped
 * in the function a CommonJS module runs in.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** `caravan` with these arguments; the exit code. */
export type Main = (argv: readonly string[]) => Promise<number>;

/** The bundle, beside the compiled modules (dist/bin for dist/cli). */
export const BUNDLE_PATH = fileURLToPath(new URL('../bin/program.cjs', import.meta.url));

/** The simulation's worker thread, bundled beside the program (scripts/bundle-cli.mjs). */
export const WORKER_BUNDLE_PATH = fileURLToPath(new URL('../bin/replication-worker.cjs', import.meta.url));

/** V8's code cache of the bundle, beside it: the code a route question on the embedded network compiled. */
export const CODE_CACHE_PATH = `${BUNDLE_PATH}.code-cache`;

/**
 * Its code cache for the commands that simulate: the code a short simulation of a network file
 * compiled, which also holds the YAML parser, the validation of every kind of element, the plan and
 * the simulation. A cache of its own: the route question's would grow from 0.8 to some 1.3 MB with
 * it, to be read at the start of every other command.
 */
export const SIMULATION_CODE_CACHE_PATH = `${BUNDLE_PATH}.simulation.code-cache`;

export interface LoadedBundle {
  readonly main: Main;
  /** Whether V8 took compiled code from the cache (false without one, or when it did not match). */
  readonly cacheUsed: boolean;
  /** V8's cache of the code compiled so far in this process: run a command first to fill it. */
  codeCache(): Buffer;
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Compiles and runs the bundle as a CommonJS module, with the code cache at `cachePath` when there is
 * one there (null: none, as when a cache is made, so that it holds only the code its command compiled).
 */
export function loadBundle(
  path = BUNDLE_PATH,
  cachePath: string | null = `${path}.code-cache`,
): LoadedBundle {
  const bytes = readFileSync(path);
  // The build writes it in ASCII: read as such, it needs no UTF-8 decoding (several ms for 1.3 MB).
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cachedData = cachePath === null ? undefined : readCache(cachePath);
  // The bundle is written as the function a CommonJS module is wrapped in (scripts/bundle-cli.mjs).
  const script = new Script(source, {
    filename: path,
    // (the bundle has no `import()`: the build turns it into `require()`, since Node 20 loses a
    // script's dynamic-import callback in the code it takes from the cache)
    ...(cachedData !== undefined ? { cachedData } : {}),
  });
  const module = { exports: {} as { main?: Main } };
  script.runInThisContext()(module.exports, createRequire(path), module, path, dirname(path));
  const main = module.exports.main;
  if (typeof main !== 'function')
    throw new Error(`${path} does not export main: rebuild with \`npm run build\``);
  return {
    main,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    codeCache: () => script.createCachedData(),
  };
}
