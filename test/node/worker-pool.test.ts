/**
 * The worker pool, both kinds: the one whose calling thread is one of the lanes (a command-line run)
 * and the one that keeps its calling thread free (a server), and the command line's, a lane while the
 * lanes leave a core free. Each gives the bytes of replications run one by one in this thread,
 * progress up to the total, cancellation, jobs one after the other; a pool whose calling thread is a
 * lane starts one thread fewer than lanes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/node/worker-pool.js';
import { runReplication } from '../../src/sim/replication.js';
import { type ReplicationSet, replicationSet } from '../../src/sim/replication-set.js';
import { simulationResult } from '../../src/sim/simulate.js';
import { plan } from '../sim/helpers/short-default-plan.js';

const SEED = 7;
const R = 8;
// the truth: each replication run on its own in this thread, folded in order
const one = (r: number, seed = SEED) => JSON.stringify(runReplication(plan, r, seed));
const bytes = (set: ReplicationSet, n = R) =>
  JSON.stringify(simulationResult(plan, set, { replications: n }));
const reference = bytes(
  replicationSet(
    SEED,
    Array.from({ length: R }, (_, r) => runReplication(plan, r, SEED)),
  ),
);

// a command-line run's pool: its calling thread is a lane while the lanes leave a core free
const spare = availableParallelism() > 2 ? 1 : 2;

describe.each([
  { kind: 'whose calling thread is a lane', callerRuns: true, threads: [0, 1, 1] },
  { kind: 'that keeps its calling thread free', callerRuns: false, threads: [1, 2, 2] },
  {
    kind: 'whose calling thread is a lane while a core is free',
    callerRuns: 'spare-core',
    threads: [0, spare, spare],
  },
] as const)('a worker pool $kind', ({ callerRuns, threads }) => {
  const pool = new WorkerPool({ size: 2, callerRuns });
  afterAll(() => pool.close());

  it(`starts ${threads.join(', ')} threads for 1 lane, all (2) and 5`, () => {
    expect(pool.warm(1).threads).toBe(threads[0]);
    expect(pool.warm().threads).toBe(threads[1]);
    expect(pool.warm(5).threads).toBe(threads[2]);
  });

  it('gives the bytes of the replications run one by one, with progress up to the total', async () => {
    const progress: number[] = [];
    const reported: number[] = [];
    const set = await pool.run(plan, {
      seed: SEED,
      replications: R,
      onProgress: (p) => progress.push(p.done),
      onResult: (x) => reported.push(x.replication),
    });
    expect(bytes(set)).toBe(reference);
    expect(progress).toEqual(Array.from({ length: R + 1 }, (_, i) => i));
    expect([...reported].sort((a, b) => a - b)).toEqual(Array.from({ length: R }, (_, r) => r));
    expect(pool.threads).toBe(threads[1]);
  });

  it('runs only the replication numbers asked for', async () => {
    const part = await pool.run(plan, { seed: SEED, replications: R, indices: [6, 2, 3] });
    expect(part.results.map((x) => x.replication)).toEqual([2, 3, 6]);
    expect(part.results.map((x) => JSON.stringify(x))).toEqual([one(2), one(3), one(6)]);
  });

  it('cancels a job by its signal, before it starts or while it runs, then serves the next with the same bytes', async () => {
    const before = new AbortController();
    before.abort(new Error('never'));
    await expect(pool.run(plan, { seed: SEED, replications: R, signal: before.signal })).rejects.toThrow(
      'never',
    );
    const controller = new AbortController();
    let reportedAfterAbort = 0;
    const cancelled = pool.run(plan, {
      seed: SEED,
      replications: 40,
      signal: controller.signal,
      onProgress: (p) => {
        if (controller.signal.aborted) reportedAfterAbort++;
        if (p.done === 1) controller.abort(new Error('stop'));
      },
    });
    await expect(cancelled).rejects.toThrow('stop');
    expect(reportedAfterAbort).toBe(0);
    const again = await pool.run(plan, { seed: SEED, replications: R, workers: 2 });
    expect(bytes(again)).toBe(reference);
  });

  it('runs jobs handed in at once one after the other, each with its own seed', async () => {
    const [a, b] = await Promise.all([
      pool.run(plan, { seed: SEED, replications: R }),
      pool.run(plan, { seed: SEED + 1, replications: 3 }),
    ]);
    expect(bytes(a)).toBe(reference);
    expect(b.results.map((x) => JSON.stringify(x))).toEqual([0, 1, 2].map((r) => one(r, SEED + 1)));
  });

  it("fails a job whose caller's callback throws, and serves the next", async () => {
    const failing = pool.run(plan, {
      seed: SEED,
      replications: R,
      onResult: () => {
        throw new Error('callback');
      },
    });
    await expect(failing).rejects.toThrow('callback');
    const again = await pool.run(plan, { seed: SEED, replications: R });
    expect(bytes(again)).toBe(reference);
  });

  it('refuses jobs once closed', async () => {
    const closing = new WorkerPool({ size: 2, callerRuns });
    await closing.close();
    await expect(closing.run(plan, { seed: SEED, replications: R })).rejects.toThrow(/closed/);
  });

  it('closes when awaited right after a job, in a process with nothing else to do', () => {
    // a job resolves with its last result, before its threads report done: a process that awaits
    // close() then must not end first (it did, at top level with code 13, "unsettled await")
    const dir = mkdtempSync(join(tmpdir(), 'caravan-pool-'));
    const url = (path: string) => JSON.stringify(pathToFileURL(join(import.meta.dirname, path)).href);
    const script = join(dir, 'close.mjs');
    writeFileSync(
      script,
      [
        `const { WorkerPool } = await import(${url('../../src/node/worker-pool.ts')});`,
        `const { plan } = await import(${url('../sim/helpers/short-default-plan.ts')});`,
        // a few times over: whether the threads' 'done' come in before close() is a race
        'for (let k = 0; k < 4; k++) {',
        `  const pool = new WorkerPool({ size: 2, callerRuns: ${JSON.stringify(callerRuns)} });`,
        `  const set = await pool.run(plan, { seed: ${SEED}, replications: 4, workers: 2 });`,
        '  await pool.close();',
        "  console.log('closed after', set.results.length, 'replications');",
        '}',
      ].join('\n'),
    );
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
      expect({ status: child.status, stdout: child.stdout }).toEqual({
        status: 0,
        stdout: 'closed after 4 replications\n'.repeat(4),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
