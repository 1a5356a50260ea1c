/**
 * Starting the simulation's worker threads (src/node/replication-worker.ts), and threads started early:
 * a command line that will run replications on threads starts them around the CLI bundle's load
 * (src/cli/main.ts), so that a thread's start (some 50 ms: Node's own set-up in the thread, then the
 * worker's script) runs on another core while this thread loads the program, reads the network and
 * plans; the pool (src/node/worker-pool.ts) then takes them up instead of starting its own. Without
 * that, a thread's first replication began some 50–70 ms after the calling thread's, which on few
 * replications is a lane short by most of one replication at the end (bench/sim/RESULTS-sim.md).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The worker beside this code: in the CLI bundle (dist/bin/program.cjs), the bundled worker
 * (dist/bin/replication-worker.cjs, scripts/bundle-cli.mjs); beside the compiled modules, the compiled
 * worker (dist/node/replication-worker.js); null when running from the TypeScript sources (tests, tsx).
 */
export function workerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  if (here.endsWith('.cjs')) return join(dir, 'replication-worker.cjs');
  if (here.endsWith('.ts')) return null;
  return join(dir, 'replication-worker.js');
}

/**
 * A replication thread's young generation, MB (V8's default for a thread is 48). The fresh pages a
 * large one grows into are dear on a virtual machine (~10 µs a page fault here), and a replication
 * keeps little alive from one scavenge to the next; but too small a one scavenges so often that the
 * default network's replications, which allocate more than the M/M/4 crossing's, pay for it. Measured
 * in interleaved pairs of the whole command (bench/sim/RESULTS-sim.md): against 2 MB, 16 MB takes 40
 * replications of the default network on 2 workers 50 ms less (8 pairs, 8 shorter; 8 MB 30 ms more
 * than 16, 32 MB the same) and the M/M/4 product run 3 ms less (30 pairs, 16 shorter); 2 MB had been
 * 5–7 ms quicker than the default 48 on the M/M/4 run.
 */
const YOUNG_GENERATION_MB = 16;

/**
 * A new thread of the worker {@link workerFile} (or `file`); from the TypeScript sources, a bootstrap
 * that registers tsx's loader in the thread and imports the TypeScript worker.
 */
export function startReplicationThread(file = workerFile()): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  if (file !== null) return new Worker(file, { resourceLimits });
  const source = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'replication-worker.ts')).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

/**
 * Whether the calling thread of a command-line run is one of its `lanes` lanes: only when they leave
 * one of the `cores` free. Its isolate, made before the program could ask, compiles optimized code on
 * a compiler thread of its own, which, when the lanes take every core, can only run by taking a core
 * from a lane, while both lanes warm up. Threads made then are made without one
 * (`--no-concurrent-recompilation`, src/cli/main.ts) and compile in place; with every core a thread's
 * lane, the M/M/4 product run is ~45 ms faster (30 pairs), and the calling thread's lane, timed beside
 * a thread's, ran its warm replications slower in 5 of 6 runs (bench/sim/RESULTS-sim.md).
 */
export function callerIsLane(lanes: number, cores: number): boolean {
  return lanes < cores;
}

interface EarlyThread {
  readonly worker: Worker;
  /** The worker file it runs: a pool takes only a thread of the worker it would start itself. */
  readonly file: string;
  /** Its listener for 'error' and 'exit' while nobody has taken it: drops it from the list. */
  readonly drop: () => void;
}

/**
 * Threads started early and not yet taken. Kept on the global object under a registered symbol: the
 * code that starts them (dist/cli/main.js, a module) and the pool that takes them (inside the CLI
 * bundle, with a copy of this module of its own) share no module state, only the process's global
 * object.
 */
const EARLY = Symbol.for('caravan.early-replication-threads');

function early(): EarlyThread[] {
  const holder = globalThis as { [EARLY]?: EarlyThread[] };
  holder[EARLY] ??= [];
  return holder[EARLY];
}

/**
 * Starts `count` threads of the worker `file` now, for a pool to take up later. Until taken, a thread
 * does not keep the process alive, and one that fails or exits is dropped (the pool then starts its
 * own, and sees a failure itself).
 */
export function startEarly(count: number, file: string): void {
  const threads = early();
  for (let i = 0; i < count; i++) {
    const worker = startReplicationThread(file);
    const thread: EarlyThread = {
      worker,
      file,
      drop: () => {
        const at = threads.indexOf(thread);
        if (at >= 0) threads.splice(at, 1);
      },
    };
    worker.on('error', thread.drop).on('exit', thread.drop).unref();
    threads.push(thread);
  }
}

/**
 * A thread started early of the worker {@link workerFile}, now the caller's (its early listeners
 * removed: the caller listens from now on); undefined when there is none.
 */
export function takeEarlyThread(): Worker | undefined {
  const file = workerFile();
  const threads = early();
  const at = threads.findIndex((t) => t.file === file);
  if (at < 0) return undefined;
  const [{ worker, drop }] = threads.splice(at, 1) as [EarlyThread];
  return worker.off('error', drop).off('exit', drop);
}

/** Stops the threads started early that nobody took (a command that ended before it simulated). */
export function stopEarly(): void {
  // (each keeps its 'error' listener: a thread failing as it stops is no one's concern)
  for (const { worker } of early().splice(0)) void worker.terminate();
}
