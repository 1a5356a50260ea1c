import { describe, expect, it } from 'vitest';
import { corridorFamily, pathCountries } from '../../src/flow/corridors.js';
import { demandMatrix } from '../../src/flow/demand.js';
import { parseRemovals } from '../../src/flow/removal.js';
import { resilience } from '../../src/flow/resilience.js';
import { compileNetwork, dayNumber } from '../../src/network/compile.js';
import { fixtureModel } from './models.js';

const DAY = dayNumber('2024-07-01');

async function remove(...specs: string[]) {
  const model = fixtureModel();
  const net = compileNetwork(model);
  return resilience(net, demandMatrix(model), parseRemovals(specs, model), { method: 'capacity', day: DAY });
}

describe('resilience on the flow-corridors fixture (capacity method)', () => {
  it('closing Russia: Moscow-bound tonnage is lost, the rest moves to the Middle Corridor and the sea, the Caspian shortfall is unserved', async () => {
    const r = await remove('country:RU');
    // By hand: rail-bound CN→DE containers (8 Mt) and CN→TR (2 Mt) share a 4.5 Mt/yr Caspian ferry → 5.5 Mt
    // unserved; CN→Moscow (3 Mt) has lost its destination; general cargo (2 Mt) goes by sea.
    expect(r.baselineReport.summary.unserved_t_per_year).toBeCloseTo(0, 0);
    expect(r.scenarioReport.summary.unserved_t_per_year).toBeCloseTo(5.5e6 + 3e6, 0);
    const family = (name: string) => r.families.find((f) => f.corridor === name);
    expect(family('Northern')!.scenario_t_per_year).toBe(0);
    expect(family('Middle Corridor')!.change_t_per_year).toBeCloseTo(4.5e6 - 2e6, 0);
    expect(family('Sea')!.change_t_per_year).toBeCloseTo(2e6, 0);
    const ferry = r.scenarioReport.services.find((s) => s.id === 'caspian-ferry')!;
    expect(ferry.utilization).toBeCloseTo(1, 9);
    expect(ferry.shadow_price_usd_per_t!).toBeGreaterThan(0);
    // No path of the scenario enters Russia.
    for (const p of r.scenario.paths) expect(pathCountries(r.scenario, p.arcs)).not.toContain('RU');
    const general = r.od.find((o) => o.id === 'cn-de-general')!;
    expect(general.diverted_t_per_year).toBeCloseTo(2e6, 0);
    expect(general.cost_change_usd_per_t!).toBeGreaterThan(0);
    expect(r.differences.unserved_t_per_year).toBeCloseTo(8.5e6, 0);
    expect(r.differences.served_cost_increase_usd).toBeGreaterThan(0);
  });

  it('the dependency table gives each flow the share of its tonnage through each transit country', async () => {
    const r = await remove('crossing:dostyk-alashankou');
    const dep = (id: string) => r.dependency.find((d) => d.id === id)!;
    const share = (id: string, c: string) => dep(id).transit.find((t) => t.country === c)?.share ?? 0;
    expect(share('cn-de-containers', 'RU')).toBeCloseTo(1, 9);
    expect(share('cn-de-containers', 'KZ')).toBeCloseTo(1, 9);
    expect(share('cn-tr', 'AZ')).toBeCloseTo(1, 9);
    expect(share('cn-tr', 'RU')).toBe(0);
    expect(dep('cn-kz').transit).toEqual([]);
    expect(dep('cn-de-containers').max_transit_share).toBeCloseTo(1, 9);
  });

  it('closing Dostyk leaves 8 Mt/yr of CN–KZ rail capacity at Altynkol: 27 − 8 = 19 Mt/yr less what can go by sea', async () => {
    const r = await remove('crossing:dostyk-alashankou');
    const altynkol = r.scenarioReport.crossings.find((c) => c.id === 'altynkol-khorgos')!;
    expect(altynkol.flow_t_per_year).toBeCloseTo(8e6, 0);
    expect(r.scenarioReport.crossings.find((c) => c.id === 'dostyk-alashankou')).toBeUndefined();
    // Only general cargo (2 Mt) can avoid Kazakhstan, by sea.
    expect(r.scenarioReport.summary.unserved_t_per_year).toBeCloseTo(27e6 - 8e6 - 2e6, 0);
  });

  it('corridor families are the part of the planner label before its places', () => {
    expect(corridorFamily('Northern via Dostyk and Brest')).toBe('Northern');
    expect(corridorFamily('Sea Shanghai–Rotterdam')).toBe('Sea');
    expect(corridorFamily('Middle Corridor')).toBe('Middle Corridor');
  });
});

describe('the cost of losing elements, unserved tonnes included (capacity method)', () => {
  it('removing any crossing, service or country never lowers total_cost_with_unserved (the LP optimum over a smaller set)', async () => {
    const model = fixtureModel();
    const specs = [
      ...model.crossings.map((c) => `crossing:${c.id}`),
      ...model.services.map((s) => `service:${s.id}`),
      'country:RU',
      'country:KZ',
    ];
    for (const spec of specs) {
      const r = await remove(spec);
      const b = r.baselineReport.summary.total_cost_with_unserved_usd_per_year;
      expect(r.differences.total_cost_with_unserved_usd_per_year, spec).toBeGreaterThanOrEqual(-1e-9 * b);
      expect(r.differences.total_cost_with_unserved_usd_per_year).toBeCloseTo(
        r.scenarioReport.summary.total_cost_with_unserved_usd_per_year - b,
        0,
      );
    }
  });
});
