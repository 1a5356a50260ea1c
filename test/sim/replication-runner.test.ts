/**
 * Replications merge in any split and any order to the same bytes (the worker pool, which relies on
 * it, is tested in test/node/worker-pool.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplicationResult } from '../../src/sim/replication.js';
import { runReplication } from '../../src/sim/replication.js';
import {
  emptyReplicationSet,
  mergeReplicationSets,
  type ReplicationRunner,
  type ReplicationSet,
  replicationSet,
  runInThread,
} from '../../src/sim/replication-set.js';
import { simulate, simulationResult } from '../../src/sim/simulate.js';
import { model, plan } from './helpers/short-default-plan.js';

const SEED = 5;
const R = 6;
const results: ReplicationResult[] = Array.from({ length: R }, (_, r) => runReplication(plan, r, SEED));
const bytes = (set: ReplicationSet) => JSON.stringify(simulationResult(plan, set, { replications: R }));
const reference = bytes(replicationSet(SEED, results));

describe('mergeable replications', () => {
  it('any split into parts, merged in any order and grouping, gives the same bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: R, maxLength: R }),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        (partOf, choices) => {
          // parts as a worker or a machine would return them: results in any order within a part
          const parts: ReplicationSet[] = [0, 1, 2, 3].map((p) =>
            replicationSet(SEED, results.filter((_, r) => partOf[r] === p).reverse()),
          );
          // merge by a random tree: pick two, merge, put back
          const pool = [...parts, emptyReplicationSet(SEED)];
          let k = 0;
          while (pool.length > 1) {
            const a = pool.splice(choices[k++ % choices.length]! % pool.length, 1)[0]!;
            const b = pool.splice(choices[k++ % choices.length]! % pool.length, 1)[0]!;
            pool.push(k % 2 === 0 ? mergeReplicationSets(a, b) : mergeReplicationSets(b, a));
          }
          expect(bytes(pool[0]!)).toBe(reference);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a replication in two parts, or another seed, is an error; a missing one too', () => {
    const one = replicationSet(SEED, [results[0]!]);
    expect(() => mergeReplicationSets(one, one)).toThrow(/in both sets/);
    expect(() => mergeReplicationSets(one, emptyReplicationSet(SEED + 1))).toThrow(/seeds/);
    expect(() => bytes(replicationSet(SEED, results.slice(1)))).toThrow(/holds 5/);
  });

  it('simulate folds replications as the runner reports them, in any order, to the bytes of the whole set', async () => {
    const options = { days: 8, warmupDays: 2, drainDays: 5, replications: R, seed: SEED };
    // reports every replication, last first, before handing back the set
    const backwards: ReplicationRunner = async (p, job) => {
      const set = await runInThread(p, { ...job, onResult: undefined });
      for (const x of [...set.results].reverse()) job.onResult?.(x);
      return set;
    };
    // reports none: the set is folded at the end, as before replications were folded on arrival
    const silent: ReplicationRunner = (p, job) => runInThread(p, { ...job, onResult: undefined });
    const whole = JSON.stringify(await simulate(model, { ...options, runner: silent }));
    expect(JSON.stringify(await simulate(model, { ...options, runner: backwards }))).toBe(whole);
    expect(JSON.stringify(await simulate(model, options))).toBe(whole);
  });

  it('a run in this thread of some indices gives those replications, as a machine would', async () => {
    const part = await runInThread(plan, { seed: SEED, replications: R, indices: [4, 1] });
    expect(part.results.map((x) => x.replication)).toEqual([1, 4]);
    expect(JSON.stringify(part.results)).toBe(JSON.stringify([results[1], results[4]]));
  });
});
