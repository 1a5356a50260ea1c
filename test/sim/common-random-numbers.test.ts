/**
 * Random streams belong to their elements: a crossing's per-replication results are bit-identical
 * whether or not an unrelated demand is added, and whatever order the file lists its entries in.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/model/load.js';
import type { NetworkModel } from '../../src/model/schema.js';
import { runReplication } from '../../src/sim/replication.js';
import { buildPlan } from '../../src/sim/simulation-plan.js';
import { DEFAULT } from '../helpers.js';

const base = parseNetwork(readFileSync(DEFAULT, 'utf8')).model!;
const CROSSING = 'nur-zholy-khorgos';

/** Per replication, the crossing's statistics as JSON (every figure, to the last bit). */
function crossingRuns(model: NetworkModel, replications: readonly number[]): string[] {
  const plan = buildPlan(model, {
    warmup_h: 24 * 3,
    end_h: 24 * 12,
    drain_h: 24 * 10,
  });
  const c = plan.network.crossings.findIndex((x) => x.id === CROSSING);
  return replications.map((r) => JSON.stringify(runReplication(plan, r, 7).crossings[c]));
}

const reversed = <T>(xs: readonly T[]): T[] => [...xs].reverse();

describe('common random numbers', () => {
  const replications = [0, 3];
  const reference = crossingRuns(base, replications);

  it('the crossing carries traffic in the reference run', () => {
    for (const run of reference) expect(JSON.parse(run).total.served).toBeGreaterThan(100);
  });

  it('adding an unrelated demand (20 kt a year Duisburg → Hamburg) leaves the crossing bit-identical', () => {
    const extra = { from: 'duisburg', to: 'hamburg', t_per_year: 20_000, arrivals: 'poisson' };
    const withExtra = { ...base, demand: [...base.demand, extra] } as NetworkModel;
    const plan = buildPlan(withExtra, {
      warmup_h: 0,
      end_h: 24,
      drain_h: 0,
    });
    expect(new Set(plan.demands.map((d) => d.id)).size).toBe(base.demand.length + 1);
    expect(crossingRuns(withExtra, replications)).toEqual(reference);
  });

  it('listing demands, crossings, links, services and nodes in another order leaves it bit-identical', () => {
    const shuffled = {
      ...base,
      demand: reversed(base.demand),
      crossings: reversed(base.crossings),
      links: reversed(base.links),
      services: reversed(base.services),
      nodes: reversed(base.nodes),
    } as NetworkModel;
    expect(crossingRuns(shuffled, replications)).toEqual(reference);
  });

  it('another replication or seed draws other numbers', () => {
    expect(reference[0]).not.toEqual(reference[1]);
  });
});
