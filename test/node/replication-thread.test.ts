/**
 * Threads started early (src/node/replication-thread.ts): a pool takes them up instead of starting its
 * own, and only those of the worker it would start; ones nobody takes do not keep a process alive.
 * Run on the built modules in a child process, as the CLI runs them (the early threads live on the
 * process's global object, shared by the copies of the module in main.js and in the bundle).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lanesAsked, simulates } from '../../src/cli/command-of.js';
import { callerIsLane } from '../../src/node/replication-thread.js';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const at = (path: string) => JSON.stringify(pathToFileURL(join(DIST, path)).href);

/** Runs `lines` as an ES module in a fresh Node process: its exit code and output. */
function script(lines: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-early-'));
  const file = join(dir, 'run.mjs');
  writeFileSync(file, lines.join('\n'));
  try {
    return spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The threads started early, as a script reads them (src/node/replication-thread.ts keeps them there). */
const EARLY = 'globalThis[Symbol.for("caravan.early-replication-threads")]';

/** Script lines that build `plan`: the M/M/4 benchmark crossing over `days` days. */
const planLines = (days: number) => [
  `const { parseNetwork } = await import(${at('model/load.js')});`,
  `const { buildPlan } = await import(${at('sim/simulation-plan.js')});`,
  "import { readFileSync } from 'node:fs';",
  `const text = readFileSync(${JSON.stringify(join(import.meta.dirname, '..', '..', 'bench', 'sim', 'mmc-crossing.yaml'))}, 'utf8');`,
  `const plan = buildPlan(parseNetwork(text).model, { warmup_h: 24, end_h: 24 * ${days}, drain_h: 0 });`,
];

describe('threads started early', () => {
  it('are taken by the pool, which then starts only the threads still missing', () => {
    const r = script([
      `const { startEarly, workerFile } = await import(${at('node/replication-thread.js')});`,
      `const { WorkerPool } = await import(${at('node/worker-pool.js')});`,
      `const { runReplication } = await import(${at('sim/replication.js')});`,
      `const early = ${EARLY} ?? [];`,
      // one of the worker the modules' pool starts, one of another file: not taken
      'startEarly(1, workerFile());',
      `startEarly(1, ${JSON.stringify(join(DIST, 'bin', 'replication-worker.cjs'))});`,
      `const mine = ${EARLY}.map((t) => t.worker);`,
      'const pool = new WorkerPool({ size: 3, callerRuns: true }).warm(3);',
      `const left = ${EARLY}.map((t) => t.worker);`,
      'console.log(pool.threads, left.length, left[0] === mine[1], early.length);',
      ...planLines(20),
      'const set = await pool.run(plan, { seed: 3, replications: 6, workers: 3 });',
      'const alone = [0, 1, 2, 3, 4, 5].map((r) => runReplication(plan, r, 3).crossings[0].total.served);',
      'console.log(JSON.stringify(set.results.map((x) => x.crossings[0].total.served)) === JSON.stringify(alone));',
      'await pool.close();',
    ]);
    expect(r.stderr).toBe('');
    // the pool of 3 lanes (this thread and 2 threads) took the one of its worker and started one
    expect(r.stdout).toBe('2 1 true 0\ntrue\n');
    expect(r.status).toBe(0);
  });

  it('do not keep a process alive when nobody takes them', () => {
    // (a thread that kept it alive would keep it until the child's timeout: no status then)
    const r = script([
      `const { startEarly, workerFile } = await import(${at('node/replication-thread.js')});`,
      'startEarly(2, workerFile());',
      "console.log('started');",
    ]);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      status: 0,
      stdout: 'started\n',
      stderr: '',
    });
  });

  it('that nobody took are stopped by stopEarly', () => {
    const r = script([
      `const { startEarly, stopEarly, workerFile } = await import(${at('node/replication-thread.js')});`,
      'startEarly(2, workerFile());',
      `const threads = ${EARLY}.map((t) => t.worker);`,
      'for (const w of threads) w.ref();',
      'const exits = threads.map((w) => new Promise((resolve) => w.once("exit", resolve)));',
      'stopEarly();',
      `console.log(${EARLY}.length);`,
      // referenced, they would keep the process alive unless stopped
      'console.log((await Promise.all(exits)).length);',
    ]);
    expect(r.stdout).toBe('0\n2\n');
    expect(r.status).toBe(0);
  });

  it('that fail are dropped, and the pool starts its own', () => {
    const r = script([
      `const { startEarly } = await import(${at('node/replication-thread.js')});`,
      `const { WorkerPool } = await import(${at('node/worker-pool.js')});`,
      "startEarly(1, '/no/such/worker.cjs');",
      `const early = ${EARLY};`,
      // its failure comes in when the thread tries to load the file: wait for its exit, however long
      // (referenced meanwhile, or the process would end with nothing else to wait for)
      'const failing = early[0].worker;',
      'failing.ref();',
      'await new Promise((resolve) => failing.once("exit", resolve));',
      'const pool = new WorkerPool({ size: 2, callerRuns: true }).warm(2);',
      ...planLines(5),
      'const set = await pool.run(plan, { seed: 1, replications: 4, workers: 2 });',
      'console.log(early.length, pool.threads, set.results.length);',
      'await pool.close();',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0 1 4\n');
    expect(r.status).toBe(0);
  });
});

describe('lanesAsked: the lanes a command line will simulate on, read before the program loads', () => {
  it.each([
    [['simulate'], undefined],
    [['simulate', '--workers', '3'], 3],
    [['simulate', '--workers=2', '--json'], 2],
    [['--limit', 'file_bytes=1MiB', 'simulate', '--workers', '4'], 4],
    [['simulate', '--replications', '1'], 0],
    [['simulate', '--replications=0', '--workers', '2'], 0],
    [['simulate', '--replications', '8'], undefined],
    [['simulate', '--help'], 0],
    [['simulate', '--workers', 'x'], 0],
    [['compare', 'a.yaml', 'b.yaml'], undefined],
    [['check', '--workers', '1'], 1],
    [['route', '--from', 'xian', '--to', 'duisburg'], 0],
    [['serve'], 0],
    [[], 0],
  ])('%j → %s', (argv, lanes) => {
    expect(lanesAsked(argv)).toBe(lanes);
  });

  it.each([
    [['simulate', '--replications', '1'], true],
    [['--limit', 'job_seconds=9', 'compare', 'a.yaml'], true],
    [['check'], true],
    [['route', '--from', 'xian', '--to', 'duisburg'], false],
    [['--help'], false],
    [[], false],
  ])('%j simulates: %s (the code cache of a simulation)', (argv, yes) => {
    expect(simulates(argv)).toBe(yes);
  });
});

describe('callerIsLane: the calling thread of a command line runs replications only while the lanes leave a core free', () => {
  it.each([
    [1, 2, true],
    [2, 2, false],
    [2, 4, true],
    [3, 4, true],
    [4, 4, false],
  ])('%i lanes on %i cores → %s', (lanes, cores, lane) => {
    expect(callerIsLane(lanes, cores)).toBe(lane);
  });
});
