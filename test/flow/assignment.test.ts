import { describe, expect, it } from 'vitest';
import { assignFlows } from '../../src/flow/assignment.js';
import { bottlenecks } from '../../src/flow/bottlenecks.js';
import { demandMatrix } from '../../src/flow/demand.js';
import { buildFlowGraph } from '../../src/flow/flow-graph.js';
import { flowReport } from '../../src/flow/flow-report.js';
import type { NetworkModel } from '../../src/model/schema.js';
import { compileNetwork } from '../../src/network/compile.js';
import { validModel } from './models.js';

/**
 * Two parallel rail crossings from a (CN) to b (KZ) with the same clearance; declared capacities 20
 * and 10 Mt/yr, below what their 300 lanes clear (300 ÷ 6 h × 50 t × 8760 h = 21.9 Mt/yr), so they bind.
 */
function parallel(demandT: number, feeA = 0, feeB = 0): NetworkModel {
  const crossing = (id: string, cap: number, fee: number) => ({
    id,
    name: id,
    mode: 'rail',
    from: 'a',
    to: 'b',
    lanes: 300,
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

/** `unservedValueSpread` 0: one value per tonne, for the cases computed by hand as a plain LP. */
async function run(
  model: NetworkModel,
  method: 'equilibrium' | 'capacity',
  maxGap = 1e-8,
  unservedValueSpread = 0,
) {
  const graph = buildFlowGraph(compileNetwork(model));
  const as = await assignFlows(graph, demandMatrix(model), { method, maxGap, unservedValueSpread });
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
    // A tonne unserved costs 10,000 USD above the cheapest path at no load (x1: 2 USD fee + 6 h × 1 USD/t·h),
    // so one more tonne through x1 saves exactly 10,000 USD.
    expect(b.by_shadow_price[0]!.value_of_1mt_usd_per_year).toBeCloseTo(10_000 * 1e6, -3);
  });

  it('equilibrium never loads a crossing to its capacity: demand beyond it is unserved, at a delay whose cost equals the unserved cost', async () => {
    const r = await run(parallel(45e6), 'equilibrium', 1e-8);
    const [x1, x2] = r.crossings;
    for (const x of [x1!, x2!]) {
      expect(x.utilization!).toBeLessThan(1);
      expect(x.utilization!).toBeGreaterThan(0.999);
    }
    expect(r.summary.unserved_t_per_year).toBeCloseTo(15e6, -4);
    // KKT: a pair both served and unserved pays on its paths what a tonne unserved costs: 10,000 USD
    // above its free-flow cost (6 h clearance × 1 USD/t·h), so the delay is 10,000 h.
    const od = r.od[0]!;
    expect(od.unserved_t_per_year).toBeGreaterThan(0);
    expect(od.unserved_cost_usd_per_t).toBeCloseTo(10_006, 6);
    expect(od.cost_usd_per_t!).toBeCloseTo(10_006, 0);
    expect(x1!.delay_h).toBeCloseTo(x2!.delay_h, -1);
    expect(r.summary.total_cost_with_unserved_usd_per_year).toBeCloseTo(
      r.summary.total_cost_usd + 10_006 * r.summary.unserved_t_per_year,
      -3,
    );
  });

  it('each demand is left unserved at its own unserved cost: the cheaper to leave goes first (capacity)', async () => {
    const model = parallel(35e6, 100, 200);
    const two = validModel({
      ...JSON.parse(JSON.stringify(model)),
      demand: [
        { id: 'low', from: 'a', to: 'b', t_per_year: 20e6, unserved_cost_usd_per_t: 50 },
        { id: 'high', from: 'a', to: 'b', t_per_year: 20e6, unserved_cost_usd_per_t: 500 },
      ],
    });
    const r = await run(two, 'capacity');
    // 30 Mt/yr of capacity: the 500 USD/t demand is served in full, the 50 USD/t one gets 10.
    expect(r.od.find((o) => o.id === 'high')!.served_t_per_year).toBeCloseTo(20e6, -1);
    expect(r.od.find((o) => o.id === 'low')!.served_t_per_year).toBeCloseTo(10e6, -1);
    expect(r.summary.unserved_cost_usd_per_year).toBeCloseTo(10e6 * 50, -2);
  });
});
