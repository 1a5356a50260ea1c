import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../../src/model/validate.js';
import { borderCapacity, borderCapacityOn } from '../../src/network/border-capacity.js';
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
});
