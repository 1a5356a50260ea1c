import { describe, expect, it } from 'vitest';
import { checkNetwork, NEAR_CAPACITY } from '../../src/flow/check.js';
import { flowReport } from '../../src/flow/flow-report.js';
import { networkLoadedState } from '../../src/flow/loaded-state.js';
import { compileNetwork } from '../../src/network/compile.js';
import { DEFAULT } from '../helpers.js';
import { fixtureModel } from './models.js';

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
