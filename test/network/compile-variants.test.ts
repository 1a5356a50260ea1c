/** The compiled network with per-direction fields, dated changes, node capacities and the demand rule. */
import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../../src/model/validate.js';
import { arcElementId, compileNetwork } from '../../src/network/compile.js';
import { mini } from '../helpers.js';

function compiled(change: (m: Record<string, any>) => void, date?: string) {
  const m = mini();
  change(m);
  const r = validateNetwork(m);
  if (!r.model) throw new Error(JSON.stringify(r.issues));
  return compileNetwork(r.model, { date });
}

const arcOf = (net: ReturnType<typeof compileNetwork>, id: string, reversed: boolean) =>
  [...Array(net.arcCount).keys()].find(
    (a) => arcElementId(net, a) === id && net.arcReversed[a] === +reversed,
  )!;

describe('compiled directions', () => {
  it('gives each direction its own lanes, steps, fees and declared capacity', () => {
    const net = compiled((m) => {
      m.units.push({ id: 'train', t: 1000, provenance: { t: 'handbook' } });
      m.crossings[0].directions = {
        'beta-gate->alpha-gate': {
          lanes: 5,
          steps: [{ name: 'documents', time: '2h' }],
          fees_usd_per_unit: 40,
          capacity_units_per_day: 100,
        },
      };
    });
    const [west, east] = net.crossings[0]!.sides;
    expect(west.lanes).toBe(2);
    expect(east!.lanes).toBe(5);
    // Eastbound: a constant 2 h; westbound as written: tri(1/6, 1/3, 1) + 0.3/0.8 × exp(1 h).
    expect(east!.clearanceMeanH).toBe(2);
    expect(east!.clearanceVarH2).toBe(0);
    expect(west.clearanceMeanH).toBeCloseTo((1 / 6 + 1 / 3 + 1) / 3 + 0.375, 12);
    expect(net.arcTimeMeanH[arcOf(net, 'gate', true)]).toBe(2);
    // 40 USD per truck of 20 t = 2 USD/t eastbound; 100 USD → 5 USD/t westbound.
    expect(net.arcCostUsdPerT[arcOf(net, 'gate', true)]).toBeCloseTo(2, 12);
    expect(net.arcCostUsdPerT[arcOf(net, 'gate', false)]).toBeCloseTo(5, 12);
    // 100 trucks a day × 20 t × 365 for the eastbound side alone; the entry's 2 Mt/yr shared.
    expect(east!.declaredCapacityTPerYear).toBe(100 * 20 * 365);
    expect(west.declaredCapacityTPerYear).toBe(Number.POSITIVE_INFINITY);
    expect(net.crossings[0]!.sharedCapacityTPerYear).toBe(2_000_000);
  });

  it('takes the least of the capacities given, converting trains with the train unit', () => {
    const net = compiled((m) => {
      m.units.push({ id: 'train', t: 1000, provenance: { t: 'handbook' } });
      m.links[1].capacity_trains_per_day = 3; // 3 × 1,000 t × 365 = 1.095 Mt
      m.links[1].capacity_t_per_year = 2_000_000;
    });
    expect(net.links[1]!.sharedCapacityTPerYear).toBe(3 * 1000 * 365);
  });

  it('refuses trains per day when the network has no train unit', () => {
    const m = mini();
    m.links[1].capacity_trains_per_day = 3;
    expect(validateNetwork(m).issues.map((i) => `${i.code} ${i.path}`)).toContain(
      'missing_field links[1].capacity_trains_per_day',
    );
  });
});

describe('compiled on a day', () => {
  const change = (m: Record<string, any>) => {
    m.crossings[0].timeline = [
      { from: '2026-01-01', lanes: 6, hours: '24/7', provenance: { '*': 'handbook' } },
    ];
    m.nodes[3].capacity_t_per_year = 3_000_000;
    m.nodes[3].timeline = [
      { from: '2030-01-01', capacity_t_per_year: 5_000_000, provenance: { '*': 'handbook' } },
    ];
  };

  it('sees the fields of the day: before, on and after a change', () => {
    const before = compiled(change, '2025-12-31');
    const on = compiled(change, '2026-01-01');
    const written = compiled(change);
    expect(before.crossings[0]!.sides[0].lanes).toBe(2);
    expect(before.crossings[0]!.sides[0].calendar.alwaysOpen).toBe(false);
    expect(on.crossings[0]!.sides[0].lanes).toBe(6);
    expect(on.crossings[0]!.sides[1]!.calendar.alwaysOpen).toBe(true);
    expect(on.model.crossings[0]!.lanes).toBe(6);
    expect(written.crossings[0]!.sides[0].lanes).toBe(2);
    expect(on.date).toBe('2026-01-01');
  });

  it('holds node capacities, dated too', () => {
    const beta = 3;
    expect(compiled(change, '2029-06-01').nodeCapacityTPerYear[beta]).toBe(3_000_000);
    expect(compiled(change, '2030-06-01').nodeCapacityTPerYear[beta]).toBe(5_000_000);
    expect(compiled(change).nodeCapacityTPerYear[0]).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('compiled demand: one rule', () => {
  it('converts units a day to tonnes a year and back', () => {
    const net = compiled(() => {});
    const d = net.demand[0]!;
    expect(d.tPerYear).toBe(40 * 20 * 365);
    expect(d.unitsPerDay).toBe(40);
    expect(d.unit).toEqual({ id: 'truck', t: 20 });
    expect(d.id).toBe('alpha->gamma');
  });

  it('derives units from tonnes with the unit of the mode', () => {
    const net = compiled((m) => {
      m.demand[0] = {
        from: 'alpha',
        to: 'gamma',
        t_per_year: 730_000,
        mode: 'rail',
        provenance: { '*': 'handbook' },
      };
    });
    const d = net.demand[0]!;
    expect(d.unit).toEqual({ id: 'teu', t: 10 });
    expect(d.unitsPerDay).toBeCloseTo(730_000 / 10 / 365, 12);
  });

  it('allows `modes`, else `mode` alone, else every mode', () => {
    const net = compiled((m) => {
      const base = { to: 'gamma', t_per_year: 1000, provenance: { '*': 'handbook' } };
      m.demand = [
        { ...base, from: 'alpha', mode: 'road' },
        { ...base, from: 'alpha', mode: 'road', modes: ['road', 'ferry'] },
        { ...base, from: 'alpha' },
      ];
    });
    expect(net.demand.map((d) => d.modes)).toEqual([['road'], ['road', 'ferry'], undefined]);
    expect(net.demand.map((d) => d.modeMask)).toEqual([0b0010, 0b0110, 0b1111]);
    expect(net.demand.map((d) => d.id)).toEqual(['alpha->gamma', 'alpha->gamma#2', 'alpha->gamma#3']);
  });

  it('scales a monthly profile to a mean of 1', () => {
    const net = compiled((m) => {
      m.demand[0].monthly_profile = [2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4];
    });
    expect(net.demand[0]!.monthlyProfile).toEqual([...Array(6).fill(2 / 3), ...Array(6).fill(4 / 3)]);
  });
});
