import { describe, expect, it } from 'vitest';
import { networkInfo } from '../../src/app/network-info.js';
import { validateNetwork } from '../../src/model/validate.js';
import { borderCapacity, borderCapacityOn } from '../../src/network/border-capacity.js';
import { compileNetwork } from '../../src/network/compile.js';
import { mini } from '../helpers.js';

describe('borderCapacity', () => {
  it('sums crossings in service and steps when a new one opens', () => {
    const n = mini();
    n.nodes.push({
      id: 'alpha-gate-2',
      name: 'Alpha Gate 2',
      country: 'CN',
      kind: 'border',
      lon: 81,
      lat: 45,
      provenance: { 'lon, lat': 'handbook' },
    });
    n.links.push({
      from: 'alpha',
      to: 'alpha-gate-2',
      mode: 'road',
      distance_km: 90,
      speed_kmh: 50,
      provenance: { '*': 'handbook' },
    });
    n.crossings.push({
      ...n.crossings[0],
      id: 'gate-2',
      from: 'alpha-gate-2',
      capacity_t_per_year: 3_000_000,
      opens: '2027-07-01',
    });
    const m = validateNetwork(n).model!;
    expect(borderCapacity(m)).toEqual([
      {
        countries: ['CN', 'KZ'],
        mode: 'road',
        steps: [
          { capacity_t_per_year: 2_000_000, crossings: ['gate'] },
          { from: '2027-07-01', capacity_t_per_year: 5_000_000, crossings: ['gate', 'gate-2'] },
        ],
      },
    ]);
    expect(borderCapacityOn(m, 'KZ', 'CN', 'road', '2027-06-30')).toBe(2_000_000);
    expect(borderCapacityOn(m, 'CN', 'KZ', 'road', '2027-07-01')).toBe(5_000_000);
    expect(borderCapacityOn(m, 'CN', 'KZ', 'rail', '2027-07-01')).toBe(0);
  });

  it("takes a crossing's capacity as the analyses do: the least of tonnes a year and units a day", () => {
    const n = mini();
    // 100 trucks of 20 t a day, 730,000 t a year, below the 2 Mt/yr it also declares
    n.crossings[0].capacity_units_per_day = 100;
    const m = validateNetwork(n).model!;
    const perYear = 100 * 20 * 365;
    expect(borderCapacity(m)[0]!.steps).toEqual([{ capacity_t_per_year: perYear, crossings: ['gate'] }]);
    expect(borderCapacityOn(m, 'CN', 'KZ', 'road', '2026-01-01')).toBe(perYear);
    expect(networkInfo(m).crossings.find((c) => c.id === 'gate')!.capacity_t_per_year).toBe(perYear);
    // the capacity the assignment's resources take for both directions together
    expect(compileNetwork(m).crossings[0]!.sharedCapacityTPerYear).toBe(perYear);
  });
});
