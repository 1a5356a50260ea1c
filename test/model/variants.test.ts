/** Per-direction fields, dated changes and the demand rule: what validation accepts and refuses. */
import { describe, expect, it } from 'vitest';
import { entryOn, networkOn } from '../../src/model/timeline.js';
import { validateNetwork } from '../../src/model/validate.js';
import { codes, mini } from '../helpers.js';

describe('directions', () => {
  it('accepts fields for one direction of a crossing, keyed by <from>-><to>', () => {
    const m = mini();
    m.crossings[0].directions = {
      'beta-gate->alpha-gate': { lanes: 4, hours: '24/7', provenance: { '*': 'handbook' } },
    };
    expect(validateNetwork(m).issues).toEqual([]);
  });

  it('refuses a key that is not one of the entry’s directions, with the right keys', () => {
    const m = mini();
    m.crossings[0].directions = { 'alpha->beta': { lanes: 4 } };
    const r = validateNetwork(m);
    expect(codes(m)).toContain('unknown_reference crossings[0].directions.alpha->beta');
    expect(r.issues.find((i) => i.code === 'unknown_reference')!.message).toContain(
      '"alpha-gate->beta-gate" or "beta-gate->alpha-gate"',
    );
  });

  it('refuses the reverse direction of a one-way entry', () => {
    const m = mini();
    m.links[0].bidirectional = false;
    m.links[0].directions = { 'alpha-gate->alpha': { capacity_t_per_year: 1e6 } };
    expect(codes(m)).toContain('unknown_reference links[0].directions.alpha-gate->alpha');
  });

  it('checks calendars and fields inside a direction, with did-you-mean', () => {
    const m = mini();
    m.crossings[0].directions = {
      'alpha-gate->beta-gate': { hours: 'Mon-Sat 25:00-18:00', lanez: 3 },
    };
    const c = codes(m);
    expect(c).toContain('unknown_field crossings[0].directions.alpha-gate->beta-gate.lanez');
    const unknown = validateNetwork(m).issues.find((i) => i.code === 'unknown_field')!;
    expect(unknown.message).toContain('did you mean "lanes"');
  });
});

describe('timeline', () => {
  it('accepts dated changes and refuses one that ends before it starts', () => {
    const m = mini();
    m.crossings[0].timeline = [
      { from: '2025-01-01', lanes: 4, provenance: { '*': 'handbook' } },
      { from: '2026-01-01', until: '2025-06-01', hours: '24/7', provenance: { '*': 'handbook' } },
    ];
    expect(codes(m)).toEqual(['bad_date crossings[0].timeline[1].until']);
  });

  it('refuses a field the entry does not have, and a calendar that cannot happen', () => {
    const m = mini();
    m.crossings[0].timeline = [{ from: '2025-01-01', lanse: 4 }];
    expect(codes(m)).toEqual(['unknown_field crossings[0].timeline[0].lanse']);
    m.crossings[0].timeline = [{ from: '2025-01-01', hours: 'Sun 10:00-10:00' }];
    expect(codes(m)).toEqual(['bad_calendar crossings[0].timeline[0].hours']);
  });

  it('checks every state a service passes through: it must still know when it departs', () => {
    const m = mini();
    m.services[0].departs_when_full = false;
    m.services[0].timeline = [
      { from: '2025-01-01', departs_when_full: false, provenance: { '*': 'handbook' } },
    ];
    expect(codes(m)).toEqual([]);
    delete m.services[0].departures_per_week;
    expect(codes(m)).toEqual(['missing_field services[0]', 'missing_field services[0].timeline[0]']);
  });

  it('asks for the source of a change, its dates included', () => {
    const m = mini();
    m.links[1].provenance = { 'gauge_mm, distance_km, time, cost_usd_per_t_km': 'handbook' };
    m.links[1].timeline = [{ from: '2025-01-01', capacity_t_per_year: 1e6 }];
    const r = validateNetwork(m);
    const warning = r.issues.find((i) => i.code === 'missing_provenance')!;
    expect(warning.path).toBe('links[1].timeline[0].provenance');
    expect(warning.message).toContain('from, capacity_t_per_year');
  });

  it('applies the changes that hold on a day, in order; until is exclusive', () => {
    const entry = {
      lanes: 2,
      hours: 'Mon-Fri 09:00-18:00',
      provenance: { lanes: 'a' },
      directions: { 'x->y': { lanes: 3, quota_units_per_day: 10 } },
      timeline: [
        { from: '2025-01-01', lanes: 4, provenance: { lanes: 'b' } },
        { from: '2025-06-01', until: '2026-01-01', lanes: 6, directions: { 'x->y': { lanes: 8 } } },
      ],
    };
    expect(entryOn(entry, '2024-12-31').lanes).toBe(2);
    expect(entryOn(entry, '2025-01-01')).toMatchObject({ lanes: 4, provenance: { lanes: 'b' } });
    const june = entryOn(entry, '2025-06-01');
    expect(june.lanes).toBe(6);
    expect(june.directions).toEqual({ 'x->y': { lanes: 8, quota_units_per_day: 10 } });
    expect(entryOn(entry, '2026-01-01').lanes).toBe(4);
    expect(entry.lanes).toBe(2);
  });

  it('the network on a day is the same whether taken once or twice', () => {
    const m = validateNetwork(
      (() => {
        const x = mini();
        x.crossings[0].timeline = [{ from: '2025-01-01', lanes: 5, provenance: { '*': 'handbook' } }];
        return x;
      })(),
    ).model!;
    const once = networkOn(m, '2025-03-01');
    expect(once.crossings[0]!.lanes).toBe(5);
    expect(networkOn(once, '2025-03-01')).toEqual(once);
  });
});

describe('demand', () => {
  it('refuses a demand from a place to itself', () => {
    const m = mini();
    m.demand[0].to = 'alpha';
    expect(codes(m)).toContain('invalid_value demand[0].to');
  });

  it('refuses units per day whose unit cannot be resolved', () => {
    const m = mini();
    delete m.demand[0].unit;
    m.demand[0].mode = 'sea';
    expect(codes(m)).toContain('missing_field demand[0].unit');
  });

  it('refuses t_per_year and units_per_day that disagree by more than 1 %', () => {
    const m = mini();
    m.demand[0].t_per_year = 40 * 20 * 365; // agrees
    expect(codes(m)).toEqual([]);
    m.demand[0].t_per_year = 40 * 20 * 365 * 1.02;
    expect(codes(m)).toEqual(['invalid_value demand[0].t_per_year']);
  });

  it('refuses a monthly profile of zeros', () => {
    const m = mini();
    m.demand[0].monthly_profile = Array(12).fill(0);
    expect(codes(m)).toContain('invalid_value demand[0].monthly_profile');
  });
});
