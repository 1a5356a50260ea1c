import { describe, expect, it } from 'vitest';
import { checkNetwork, NEAR_CAPACITY } from '../../src/flow/check.js';
import { flowReport } from '../../src/flow/flow-report.js';
import { networkLoadedState } from '../../src/flow/loaded-state.js';
import { compileNetwork } from '../../src/network/compile.js';
import { DEFAULT } from '../helpers.js';
import { fixtureModel, validModel } from './models.js';

describe('checkNetwork on the default dataset', () => {
  const r = checkNetwork(compileNetwork(fixtureModel(DEFAULT)), '2025-07-01');

  it('route and assign agree on every crossing direction', () => {
    expect(r.consistent).toBe(true);
    for (const x of r.crossings) {
      expect(x.status).not.toBe('disagreement');
      if (x.assigned_wait_h !== null && x.route_wait_h !== null)
        expect(x.route_wait_h).toBeCloseTo(x.assigned_wait_h, 6);
    }
  });

  it('names every direction near its capacity and every demand left unserved, in words', () => {
    for (const x of r.crossings) {
      const named = r.findings.some((f) => f.startsWith(`${x.id} ${x.direction} is at`));
      expect(named, `${x.id} ${x.direction}`).toBe(x.utilization !== null && x.utilization >= NEAR_CAPACITY);
      if (x.capacity_t_per_year !== null) expect(x.flow_t_per_year).toBeLessThan(x.capacity_t_per_year);
    }
    for (const u of r.unserved) expect(r.findings.some((f) => f.includes(`demand ${u.id}`))).toBe(true);
  });

  it('names every capacity both directions share that the assignment rations, with the ration assign reports', () => {
    const model = fixtureModel(DEFAULT);
    const flows = flowReport(networkLoadedState(compileNetwork(model), '2025-07-01').assignment);
    const rationed = flows.crossings.filter(
      (c) => c.shared !== null && c.shared.utilization >= 0.99 && c.shared.utilization < 1,
    );
    expect(rationed.length).toBeGreaterThan(0);
    for (const c of rationed)
      expect(r.findings).toContain(
        `${c.id}: both directions together are at ${(100 * c.shared!.utilization).toFixed(1)} % of the capacity they share: the assignment rations it by ${c.shared!.delay_h.toFixed(1)} h a tonne, on top of each direction's wait, which is all that route planning adds there`,
      );
    expect(r.findings.filter((f) => f.includes('the capacity they share'))).toHaveLength(rationed.length);
  });
});

describe('checkNetwork on a demand left wholly unserved', () => {
  // One rail crossing from a to b of 20 Mt/yr declared capacity (its 300 lanes would clear 21.9), cleared in 6 h at 1 USD per tonne-hour:
  // its cheapest route costs 6 USD/t with no load. `full` asks for more than the crossing carries and
  // is worth 10,006 USD/t unserved (the default: 10,000 above its cheapest route), so the equilibrium's
  // delay rises to that; `cheap` is worth 50 USD/t unserved, below what the route then costs; `priced`
  // is worth 3, below the 6 the route costs even when the network is empty; `road` has no road
  // crossing to take.
  const model = validModel({
    format: 'caravan/1',
    units: [
      { id: 'wagon', t: 50 },
      { id: 'truck', t: 20 },
    ],
    modes: {
      rail: { unit: 'wagon', co2e_g_per_t_km: 20, value_of_time_usd_per_t_h: 1 },
      road: { unit: 'truck', co2e_g_per_t_km: 90, value_of_time_usd_per_t_h: 1 },
    },
    nodes: [
      { id: 'a', name: 'A', country: 'CN', kind: 'border', lon: 82, lat: 45 },
      { id: 'b', name: 'B', country: 'KZ', kind: 'border', lon: 83, lat: 45 },
    ],
    crossings: [
      {
        id: 'x',
        name: 'X',
        mode: 'rail',
        from: 'a',
        to: 'b',
        lanes: 300,
        steps: [{ name: 'clearance', time: 'exp(mean=6h)' }],
        capacity_t_per_year: 20e6,
      },
    ],
    demand: [
      { id: 'full', from: 'a', to: 'b', mode: 'rail', t_per_year: 40e6 },
      { id: 'cheap', from: 'a', to: 'b', mode: 'rail', t_per_year: 1e6, unserved_cost_usd_per_t: 50 },
      { id: 'priced', from: 'a', to: 'b', mode: 'rail', t_per_year: 1e6, unserved_cost_usd_per_t: 3 },
      { id: 'road', from: 'a', to: 'b', mode: 'road', t_per_year: 1e6 },
    ],
  });
  const r = checkNetwork(compileNetwork(model), undefined);
  const finding = (id: string) => r.findings.filter((f) => f.startsWith(`demand ${id}`));

  it('says which of the three causes it is: no route, a route dearer than the cargo, or routes full', () => {
    expect(finding('road')).toEqual([
      'demand road (1.00 Mt/yr) is not served: no route in service in its modes on this date',
    ]);
    expect(finding('priced')).toEqual([
      'demand priced (1.00 Mt/yr) is not served: its cheapest route costs 6 USD/t with no load on the network, more than leaving it unserved (3 USD/t)',
    ]);
    expect(finding('cheap')).toEqual([
      "demand cheap (1.00 Mt/yr) is not served: every route is full at the assignment's flows, where each costs more than leaving it unserved (50 USD/t; 6 USD/t for its cheapest route with no load)",
    ]);
    // the demand beyond the crossing's capacity is partly served: the 20 Mt/yr it carries, as the others take none
    expect(finding('full')).toHaveLength(1);
    expect(finding('full')[0]).toMatch(/^demand full: 20\.0\d of 40\.00 Mt\/yr cannot be carried: /);
    expect(r.unserved.map((u) => u.id).sort()).toEqual(['cheap', 'full', 'priced', 'road']);
  });
});
