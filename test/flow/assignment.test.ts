import { describe, expect, it } from 'vitest';
import { assignFlows } from '../../src/flow/assignment.js';
import { bottlenecks } from '../../src/flow/bottlenecks.js';
import { demandMatrix } from '../../src/flow/demand.js';
import { buildFlowGraph } from '../../src/flow/flow-graph.js';
import { flowReport } from '../../src/flow/flow-report.js';
import type { NetworkModel } from '../../src/model/schema.js';
import { compileNetwork } from '../../src/network/compile.js';
import { validModel } from './models.js';

/** Two parallel rail crossings from a (CN) to b (KZ) with the same clearance; capacities 20 and 10 Mt/yr. */
function parallel(demandT: number, feeA = 0, feeB = 0): NetworkModel {
  const crossing = (id: string, cap: number, fee: number) => ({
    id,
    name: id,
    mode: 'rail',
    from: 'a',
    to: 'b',
    lanes: 2,
    steps: [{ name: 'clearance', time: 'exp(mean=6h)' }],
    fees_usd_per_unit: fee,
    capacity_t_per_year: cap,
  });
  return validModel({
    format: 'caravan/1',
    units: [{ id: 'wagon', t: 50 }],
    modes: { rail: { unit: 'wagon', co2e_g_per_t_km: 20, value_of_time_usd_per_t_h: 1 } },
    nodes: [
      { id: 'a', name: 'A', country: 'CN', kind: 'border', lon: 82, lat: 45 },
      { id: 'b', name: 'B', country: 'KZ', kind: 'border', lon: 83, lat: 45 },
    ],
    crossings: [crossing('x1', 20e6, feeA), crossing('x2', 10e6, feeB)],
    demand: [{ from: 'a', to: 'b', t_per_year: demandT }],
  });
}

async function run(model: NetworkModel, method: 'equilibrium' | 'capacity', maxGap = 1e-8) {
  const graph = buildFlowGraph(compileNetwork(model));
  const as = await assignFlows(graph, demandMatrix(model), { method, maxGap });
  return flowReport(as);
}

describe('assignment on a network', () => {
  it('equilibrium over two identical parallel crossings splits demand in proportion to capacity (equal utilization, equal delay)', async () => {
    const r = await run(parallel(15e6), 'equilibrium');
    const [x1, x2] = r.crossings;
    expect(x1!.flow_t_per_year).toBeCloseTo(10e6, -1);
    expect(x2!.flow_t_per_year).toBeCloseTo(5e6, -1);
    expect(x1!.delay_h).toBeCloseTo(x2!.delay_h, 4);
    expect(r.summary.unserved_t_per_year).toBe(0);
  });

  it('capacity: the cheaper crossing fills first, the rest takes the other; demand beyond both is unserved', async () => {
    // x1 costs 100 USD per 50 t wagon = 2 USD/t; x2 costs 4 USD/t.
    const fits = await run(parallel(25e6, 100, 200), 'capacity');
    expect(fits.crossings.map((c) => c.flow_t_per_year)).toEqual(
      [20e6, 5e6].map((x) => expect.closeTo(x, 0)),
    );
    expect(fits.crossings[0]!.shadow_price_usd_per_t).toBeCloseTo(2, 6);
    expect(fits.summary.unserved_t_per_year).toBeCloseTo(0, 0);
    const short = await run(parallel(35e6, 100, 200), 'capacity');
    expect(short.summary.unserved_t_per_year).toBeCloseTo(35e6 - 30e6, 0);
    const b = bottlenecks(short);
    expect(b.by_utilization.map((x) => x.id).sort()).toEqual(['x1', 'x2']);
    expect(b.by_shadow_price[0]!.id).toBe('x1');
    expect(b.by_shadow_price[0]!.value_of_1mt_usd_per_year).toBeCloseTo((10_000 - 2 - 6) * 1e6, -3);
  });

  it('equilibrium gets past a crossing beyond its capacity, at a finite but large delay', async () => {
    const r = await run(parallel(45e6), 'equilibrium', 1e-6);
    const [x1, x2] = r.crossings;
    expect(x1!.utilization!).toBeGreaterThan(1);
    expect(x1!.utilization!).toBeCloseTo(x2!.utilization!, 4);
    expect(Number.isFinite(x1!.delay_h)).toBe(true);
    expect(x1!.delay_h).toBeGreaterThan(100);
  });
});
