#!/usr/bin/env node
/**
 * The `caravan` executable. It runs the CLI bundle that `npm run build` makes (dist/bin/program.cjs,
 * scripts/bundle-cli.mjs: the program in one file, so that a command starts without resolving and
 * compiling some two hundred modules, loaded with V8's code cache of it: src/cli/bundle-loader.ts),
 * except for the commands in MODULE_COMMANDS, or without a bundle as new as the modules: then the
 * compiled modules (src/cli/program.ts). Both are the same program.
 */
import { realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  BUNDLE_PATH,
  CODE_CACHE_PATH,
  loadBundle,
  type Main,
  SIMULATION_CODE_CACHE_PATH,
  WORKER_BUNDLE_PATH,
} from './bundle-loader.js';
import { commandOf, lanesAsked, MODULE_COMMANDS, simulates } from './command-of.js';

const MODULES = new URL('./program.js', import.meta.url);

/** True when there is a bundle made after the modules were compiled (a `tsc` alone leaves it stale). */
function bundleIsCurrent(): boolean {
  try {
    return statSync(BUNDLE_PATH).mtimeMs >= statSync(MODULES).mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Starts the threads a command line will run replications on, around the bundle's load, so that they
 * set up on the other cores while this thread loads the program, reads the network and plans (the
 * bundled pool takes them up). One fewer than the lanes before the load: the calling thread is one of
 * them while they leave a core free (`callerIsLane`); otherwise the last starts once the bundle has
 * loaded, through the function returned. Threads setting up slow the bundle's load (each takes some
 * 2,100 page faults, dear on a virtual machine): on two cores, the M/M/4 product run's first
 * replication started ~20 ms later with two threads started before the load than with one, and ~25
 * ms later with none. Started by the pool once the command had begun instead, the last thread was
 * still setting up when the plan was ready: its lane began 15–48 ms after the other's (12 timed runs),
 * against 1–32 ms when it starts after the load (6 runs), and the run is 11.5 ms shorter (median of
 * 40 interleaved pairs, 25 shorter; bench/sim/RESULTS-sim.md).
 *
 * When the lanes take every core, V8 compiles the threads' optimized code in the thread that runs it
 * rather than on compiler threads of its own: those could only run by taking a core from a lane, and
 * did so at the worst time, while both lanes warmed up at once (bench/sim/RESULTS-sim.md: the M/M/4
 * product run ~55 ms faster, 40 replications of the default network ~50 ms). A flag V8 reads when
 * it creates a thread's isolate, so set before the threads start; it leaves the code cache valid
 * (test/cli/bundle.test.ts). This thread's isolate, made already, keeps its compiler thread, which is
 * why it is then no lane.
 */
async function startThreadsEarly(argv: readonly string[]): Promise<() => void> {
  const cores = availableParallelism();
  const lanes = Math.min(lanesAsked(argv) ?? cores, cores);
  if (lanes < 2) return () => {};
  const { callerIsLane, startEarly } = await import('../node/replication-thread.js');
  const callerRuns = callerIsLane(lanes, cores);
  if (!callerRuns) (await import('node:v8')).setFlagsFromString('--no-concurrent-recompilation');
  startEarly(lanes - 1, WORKER_BUNDLE_PATH);
  return callerRuns ? () => {} : () => startEarly(1, WORKER_BUNDLE_PATH);
}

/** The program to run these arguments with. */
async function programFor(argv: readonly string[]): Promise<Main> {
  const name = commandOf(argv);
  if ((name === undefined || !MODULE_COMMANDS.includes(name)) && bundleIsCurrent()) {
    const startTheLast = await startThreadsEarly(argv);
    const cache = simulates(argv) ? SIMULATION_CODE_CACHE_PATH : CODE_CACHE_PATH;
    const program = loadBundle(BUNDLE_PATH, cache).main;
    startTheLast();
    return program;
  }
  return (await import('./program.js')).main;
}

/** Runs `caravan` with these arguments; the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await (await programFor(argv))(argv);
  } finally {
    // threads started early that the command did not take (it ended first, on a mistake say)
    if (lanesAsked(argv) !== 0) (await import('../node/replication-thread.js')).stopEarly();
  }
}

/** True when this module is the program being run (not imported, e.g. by a test). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const argv = process.argv.slice(2);
  // A command that has finished (its output flushed; `serve` once its server has closed) exits now
  // rather than tearing its heaps down first (15–20 ms of a start-to-end run; its threads stop all
  // the same).
  process.exit(await main(argv));
}
