import { describe, expect, it } from 'vitest';
import { checkNetwork, NEAR_CAPACITY } from '../../src/flow/check.js';
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
});
