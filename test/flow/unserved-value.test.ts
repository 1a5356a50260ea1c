/**
 * Unserved freight valued by cargo class: a demand takes its own `unserved_cost_usd_per_t`, else its
 * class's (`cargo_class`, else the class named like its `cargo`); the capacity program cuts the
 * freight of the lowest value first, so a container flow is never dropped to carry bulk; and taking
 * capacity away never lowers what the assignment costs with its unserved tonnes (a smaller feasible
 * set cannot have a lower minimum), on random small networks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignFlows } from '../../src/flow/assignment.js';
import { networkDemand } from '../../src/flow/demand.js';
import { buildFlowGraph } from '../../src/flow/flow-graph.js';
import { flowReport } from '../../src/flow/flow-report.js';
import { validateNetwork } from '../../src/model/validate.js';
import { ArcKind, compileNetwork } from '../../src/network/compile.js';
import { validModel } from './models.js';
import { BULK_USD_PER_T, CONTAINER_USD_PER_T, randomNetwork, randomNetworkSpec } from './random-network.js';

/** One crossing with a declared capacity that binds (its lanes clear far more), two demands across it. */
function oneCrossing(containersT: number, bulkT: number, capT: number, extra: Record<string, unknown> = {}) {
  return {
    format: 'caravan/1',
    units: [{ id: 'truck', t: 20 }],
    modes: { road: { unit: 'truck', co2e_g_per_t_km: 90, value_of_time_usd_per_t_h: 0.5 } },
    nodes: [
      { id: 'a', name: 'A', country: 'CN', kind: 'city', lon: 80, lat: 44 },
      { id: 'b', name: 'B', country: 'KZ', kind: 'city', lon: 79, lat: 44 },
    ],
    crossings: [
      {
        id: 'x',
        name: 'X',
        mode: 'road',
        from: 'a',
        to: 'b',
        lanes: 50,
        steps: [{ name: 'check', time: '10min' }],
        capacity_t_per_year: capT,
      },
    ],
    demand: [
      { id: 'boxes', from: 'a', to: 'b', t_per_year: containersT, cargo: 'containers' },
      { id: 'ore', from: 'a', to: 'b', t_per_year: bulkT, cargo: 'ores', cargo_class: 'bulk' },
    ],
    cargo_classes: [
      { id: 'containers', unserved_cost_usd_per_t: CONTAINER_USD_PER_T },
      { id: 'bulk', unserved_cost_usd_per_t: BULK_USD_PER_T },
    ],
    ...extra,
  };
}

async function capacityReport(
  model: ReturnType<typeof validModel>,
  closedArcs?: Uint8Array,
  unservedValueSpread?: number,
) {
  const net = compileNetwork(model);
  const graph = buildFlowGraph(net, { closedArcs });
  return flowReport(
    await assignFlows(graph, networkDemand(net), { method: 'capacity', unservedValueSpread }),
  );
}

describe('unserved freight valued by cargo class', () => {
  it('a demand takes its own unserved cost, else its cargo_class, else the class named like its cargo', () => {
    const data = oneCrossing(1000, 1000, 5000);
    data.demand.push({
      id: 'own',
      from: 'a',
      to: 'b',
      t_per_year: 1000,
      cargo: 'containers',
      unserved_cost_usd_per_t: 42,
    } as never);
    data.demand.push({ id: 'none', from: 'a', to: 'b', t_per_year: 1000, cargo: 'furniture' } as never);
    const net = compileNetwork(validModel(data));
    const cost = new Map(net.demand.map((d) => [d.id, d.unservedCostUsdPerT]));
    expect(cost.get('boxes')).toBe(CONTAINER_USD_PER_T);
    expect(cost.get('ore')).toBe(BULK_USD_PER_T);
    expect(cost.get('own')).toBe(42);
    expect(cost.get('none')).toBeUndefined();
  });

  it('an unknown cargo_class is an error at its path', () => {
    const data = oneCrossing(1000, 1000, 5000);
    (data.demand[1] as Record<string, unknown>).cargo_class = 'bulck';
    const issues = validateNetwork(data).issues.filter((i) => i.severity === 'error');
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual(['unknown_reference demand[1].cargo_class']);
    expect(issues[0]!.message).toContain('"bulk"');
  });

  it('with one value per tonne (spread 0) the capacity program cuts bulk before containers: hand-computed on one crossing', async () => {
    // 300 kt of containers and 200 kt of bulk through a crossing of 400 kt: 100 kt of bulk is cut.
    let r = await capacityReport(validModel(oneCrossing(300_000, 200_000, 400_000)), undefined, 0);
    let od = new Map(r.od.map((o) => [o.id, o]));
    expect(od.get('boxes')!.unserved_t_per_year).toBeCloseTo(0, 3);
    expect(od.get('ore')!.unserved_t_per_year).toBeCloseTo(100_000, 3);
    // 300 kt of containers and 200 kt of bulk through 250 kt: all the bulk and 50 kt of containers.
    r = await capacityReport(validModel(oneCrossing(300_000, 200_000, 250_000)), undefined, 0);
    od = new Map(r.od.map((o) => [o.id, o]));
    expect(od.get('ore')!.unserved_t_per_year).toBeCloseTo(200_000, 3);
    expect(od.get('boxes')!.unserved_t_per_year).toBeCloseTo(50_000, 3);
    expect(r.summary.unserved_cost_usd_per_year).toBeCloseTo(
      200_000 * BULK_USD_PER_T + 50_000 * CONTAINER_USD_PER_T,
      0,
    );
    expect(r.summary.served_t_per_year).toBeCloseTo(250_000, 3);
  });

  it('removing capacity never lowers total_cost_with_unserved (capacity method, random small networks)', async () => {
    await fc.assert(
      fc.asyncProperty(
        randomNetworkSpec,
        fc.nat(),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        async (spec, pick, factor) => {
          const model = randomNetwork(spec);
          const base = (await capacityReport(model)).summary.total_cost_with_unserved_usd_per_year;
          // A crossing closed.
          const net = compileNetwork(model);
          const closedArcs = new Uint8Array(net.arcCount);
          const x = pick % model.crossings.length;
          for (let a = 0; a < net.arcCount; a++)
            if (net.arcKind[a] === ArcKind.crossing && net.arcElement[a] === x) closedArcs[a] = 1;
          const closed = (await capacityReport(model, closedArcs)).summary
            .total_cost_with_unserved_usd_per_year;
          expect(closed).toBeGreaterThanOrEqual(base * (1 - 1e-9) - 1e-6);
          // Every crossing's lanes cut (fewer lanes clear less), declared capacities cut by the factor.
          const cut = validModel({
            ...model,
            crossings: model.crossings.map((c) => ({
              ...c,
              lanes: Math.max(1, Math.floor(c.lanes * factor)),
              ...(c.capacity_t_per_year === undefined
                ? {}
                : { capacity_t_per_year: c.capacity_t_per_year * factor }),
            })),
            links: model.links.map((l) => ({
              ...l,
              ...(l.capacity_t_per_year === undefined
                ? {}
                : { capacity_t_per_year: l.capacity_t_per_year * factor }),
            })),
          });
          const smaller = (await capacityReport(cut)).summary.total_cost_with_unserved_usd_per_year;
          expect(smaller).toBeGreaterThanOrEqual(base * (1 - 1e-9) - 1e-6);
        },
      ),
      { numRuns: 40 },
    );
  }, 15_000);
});
