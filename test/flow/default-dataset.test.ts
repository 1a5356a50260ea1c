/** Flow assignment on the embedded default network: what must hold whatever its figures become. */
import { describe, expect, it } from 'vitest';
import { assignFlows } from '../../src/flow/assignment.js';
import { corridorFamily, pathCountries } from '../../src/flow/corridors.js';
import { demandMatrix, type OdDemand } from '../../src/flow/demand.js';
import { buildFlowGraph } from '../../src/flow/flow-graph.js';
import { flowReport } from '../../src/flow/flow-report.js';
import { outlook } from '../../src/flow/outlook.js';
import { parseRemovals } from '../../src/flow/removal.js';
import { resilience } from '../../src/flow/resilience.js';
import { compileNetwork, dayNumber } from '../../src/network/compile.js';
import { networkCapacity } from '../../src/network/operational-capacity.js';
import { DEFAULT } from '../helpers.js';
import { fixtureModel } from './models.js';

const model = fixtureModel(DEFAULT);
const net = compileNetwork(model);
const demand = demandMatrix(model);
const DAY = dayNumber('2024-07-01');
const country = new Map(model.nodes.map((n) => [n.id, n.country]));
const cnKzRail = model.crossings.filter(
  (c) => c.mode === 'rail' && [country.get(c.from), country.get(c.to)].sort().join('-') === 'CN-KZ',
);
/** Services across the Caspian: between Kazakhstan and Azerbaijan. */
const caspian = model.services.filter(
  (s) => [country.get(s.from), country.get(s.to)].sort().join('-') === 'AZ-KZ',
);

function withModes(d: readonly OdDemand[], modes: OdDemand['modes']): OdDemand[] {
  return d.map((x) => ({ ...x, modes }));
}

describe('the default dataset', () => {
  it('has demand, China–Kazakhstan rail crossings and Caspian services to assign to', () => {
    expect(demand.length).toBeGreaterThan(0);
    expect(cnKzRail.length).toBeGreaterThanOrEqual(3);
    expect(caspian.length).toBeGreaterThan(0);
  });

  it('equilibrium converges to a relative gap of 1e-4 with flow on the China–Kazakhstan rail crossings', async () => {
    const as = await assignFlows(buildFlowGraph(net, { day: DAY }), demand, { method: 'equilibrium' });
    expect(as.converged).toBe(true);
    expect(as.gap).toBeLessThanOrEqual(1e-4);
    const report = flowReport(as);
    const rail = report.crossings.filter((c) => cnKzRail.some((x) => x.id === c.id));
    expect(rail.reduce((s, c) => s + c.flow_t_per_year, 0)).toBeGreaterThan(0);
  });

  it('the outlook shows the step in China–Kazakhstan rail capacity when the third line opens', async () => {
    const r = await outlook(net, demand, { fromYear: 2026, toYear: 2028, method: 'capacity' });
    const cap = r.years.map((y) => y.borders.find((b) => b.id === 'CN-KZ rail')!.capacity_t_per_year!);
    const third = cnKzRail.find((c) => c.opens !== undefined)!;
    const opensYear = Number(third.opens!.slice(0, 4)) + (third.opens!.slice(5) > '07-01' ? 1 : 0);
    // Each crossing carries at most its two directions' operational capacities, capped by the
    // capacity declared for both together.
    const caps = networkCapacity(net);
    const pooled = (id: string) => {
      const i = model.crossings.findIndex((c) => c.id === id);
      const c = caps.crossings[i]!;
      const sides = c.sides.reduce((s, x) => s + (x ? x.effectiveTPerYear : 0), 0);
      return Math.min(sides, c.sharedTPerYear);
    };
    r.years.forEach((y, i) => {
      const open = cnKzRail.filter((c) => c.opens === undefined || y.year >= opensYear);
      expect(cap[i]).toBeCloseTo(
        open.reduce((s, c) => s + pooled(c.id), 0),
        0,
      );
    });
    expect(cap[2]! - cap[0]!).toBeCloseTo(pooled(third.id), 0);
    expect(cap[2]!).toBeGreaterThan(cap[0]!);
  });

  describe('closing Russia', () => {
    const removed = parseRemovals(['country:RU'], model);

    it('no flow passes through Russia; flows that may only go by rail through it are unserved', async () => {
      const r = await resilience(net, demand, removed, { method: 'capacity', day: DAY });
      for (const p of r.scenario.paths) expect(pathCountries(r.scenario, p.arcs)).not.toContain('RU');
      for (const d of r.dependency) {
        const od = demand.find((x) => x.id === d.id)!;
        const railOnly = od.modes?.length === 1 && od.modes[0] === 'rail';
        const viaRussia = (d.transit.find((t) => t.country === 'RU')?.share ?? 0) > 0.999;
        if (railOnly && viaRussia && d.served_t_per_year === od.tPerYear) {
          const change = r.od.find((o) => o.id === d.id)!;
          expect(change.unserved_t_per_year).toBeCloseTo(od.tPerYear, 0);
        }
      }
    });

    it('when cargo may switch modes, diverted flows move to the Middle Corridor and the sea (equilibrium)', async () => {
      const r = await resilience(net, withModes(demand, ['rail', 'road', 'ferry', 'sea']), removed, {
        method: 'equilibrium',
        day: DAY,
      });
      const northern = r.families.find((f) => f.corridor === 'Northern');
      expect(northern?.scenario_t_per_year ?? 0).toBe(0);
      // What the Northern corridor carried goes by another corridor (the Middle Corridor, the sea, or
      // an overland route that avoids Russia), or is unserved: no tonne vanishes.
      const lost = northern?.baseline_t_per_year ?? 0;
      const elsewhere = r.families
        .filter((f) => f.corridor !== 'Northern')
        .reduce((s, f) => s + f.change_t_per_year, 0);
      expect(elsewhere + r.differences.unserved_t_per_year).toBeGreaterThanOrEqual(lost * (1 - 1e-6) - 1);
      for (const f of r.families)
        if (f.corridor !== 'Northern') expect(corridorFamily(f.corridor)).toBe(f.corridor);
    });

    it('with hard capacities and no ship, no Caspian ferry direction carries more than it can, and one at capacity has a shadow price', async () => {
      const r = await resilience(net, withModes(demand, ['rail', 'road', 'ferry']), removed, {
        method: 'capacity',
        day: DAY,
      });
      for (const s of caspian.filter((x) => x.mode !== 'sea')) {
        const row = r.scenarioReport.services.find((x) => x.id === s.id)!;
        for (const d of Object.values(row.directions)) {
          if (d.capacity_t_per_year === null) continue;
          expect(d.flow_t_per_year).toBeLessThanOrEqual(d.capacity_t_per_year * (1 + 1e-9));
          if (d.utilization! > 0.999 && r.differences.unserved_t_per_year > 0)
            expect(d.shadow_price_usd_per_t!).toBeGreaterThan(0);
        }
      }
    });
  });
});
