/**
 * Trips on small networks computed by hand: door to door is the sum of the legs, a ferry sails when
 * full, a unit facing a long queue diverts, and `simulate` returns plain data.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkModel } from '../../src/model/schema.js';
import { validateNetwork } from '../../src/model/validate.js';
import { arrivalProcess } from '../../src/sim/arrival-process.js';
import { RandomStreams } from '../../src/sim/random.js';
import { simulate, simulationPlan } from '../../src/sim/simulate.js';

const provenance = { '*': { estimate: 'made up for a test of the simulation' } };

/** A → (rail, 10 h) → B ═ crossing (2 h) ═ C ⇒ transshipment (3 h) ⇒ ferry (5 h) → D. */
function legsNetwork(
  ferry: Record<string, unknown> = {},
  demand: Record<string, unknown> = {},
): NetworkModel {
  const node = (id: string, country: string, lon: number, extra: Record<string, unknown> = {}) => ({
    id,
    name: id.toUpperCase(),
    country,
    kind: 'terminal',
    lon,
    lat: 45,
    provenance,
    ...extra,
  });
  const data = {
    format: 'caravan/1',
    name: 'legs',
    units: [
      { id: 'train', t: 1000, provenance },
      { id: 'wagon', t: 50, provenance },
    ],
    modes: {
      rail: { unit: 'train', co2e_g_per_t_km: 20, provenance },
      ferry: { unit: 'wagon', co2e_g_per_t_km: 100, provenance },
    },
    nodes: [
      node('a', 'CN', 80),
      node('b', 'CN', 81),
      node('c', 'KZ', 81.1, { transshipment: { time: 'const(3h)' } }),
      node('d', 'AZ', 85),
    ],
    links: [
      { from: 'a', to: 'b', mode: 'rail', gauge_mm: 1520, distance_km: 500, time: 'const(10h)', provenance },
    ],
    crossings: [
      {
        id: 'b-c',
        name: 'B–C',
        mode: 'rail',
        from: 'b',
        to: 'c',
        lanes: 100,
        distance_km: 10,
        steps: [{ name: 'formalities', time: 'const(2h)' }],
        provenance,
      },
    ],
    services: [
      {
        id: 'ferry',
        name: 'C–D ferry',
        mode: 'ferry',
        from: 'c',
        to: 'd',
        distance_km: 300,
        time: 'const(5h)',
        departs_when_full: true,
        capacity_units: 20,
        provenance,
        ...ferry,
      },
    ],
    demand: [{ from: 'a', to: 'd', t_per_year: 365_000, arrivals: 'uniform', provenance, ...demand }],
  };
  const r = validateNetwork(data);
  if (!r.model) throw new Error(JSON.stringify(r.issues));
  return r.model;
}

const quick = { days: 30, warmupDays: 5, drainDays: 10, replications: 2, workers: 1 };

describe('trips', () => {
  it('door to door is the sum of the legs on a deterministic network: 10 + 2 + 3 + 5 = 20 h', async () => {
    // One 1,000-t train a day; the ferry takes 20 wagons of 50 t, so a train fills it and it sails at once.
    const r = await simulate(legsNetwork(), quick);
    const od = r.od['a->d']!;
    expect(od.unit).toBe('train');
    expect(od.route).toEqual(['a', 'b', 'c', 'd']);
    expect(od.delivered).toBe(2 * 25);
    expect(od.in_transit_at_end).toBe(0);
    for (const q of ['mean', 'p50', 'p90', 'max'] as const) expect(od.transit_h[q]).toBeCloseTo(20, 9);
    // CPMM speeds: 810 km over 20 h; without delay over the 15 h moving (the crossing and the
    // transshipment are delays)
    expect(od.distance_km).toBe(810);
    expect(od.swd_kmh).toBeCloseTo(810 / 20, 10);
    expect(od.swod_kmh).toBeCloseTo(810 / 15, 10);
    const c = r.crossings['b-c']!;
    expect(c.tfi1_h.mean).toBeCloseTo(2, 9);
    expect(c.wait_h.mean).toBe(0);
    expect(c.served).toBe(2 * 25);
    expect(r.services.ferry!.wait_h.mean).toBe(0);
  });

  it('waits for a ferry that sails only when full: the train-load fills a quarter of it', async () => {
    // 80 wagon slots: a ferry sails with 4 trains, one a day, so the trains wait 3, 2, 1 and 0 days.
    const r = await simulate(legsNetwork({ capacity_units: 80 }), { ...quick, days: 41, warmupDays: 1 });
    const ferry = r.services.ferry!.wait_h;
    expect(ferry.mean).toBeCloseTo((72 + 48 + 24 + 0) / 4, 6);
    expect(ferry.max).toBeCloseTo(72, 9);
    expect(r.od['a->d']!.transit_h.mean).toBeCloseTo(20 + 36, 6);
  });

  it('splits a consignment bigger than the ferry over its slots and keeps it whole in transit', () => {
    const plan = simulationPlan(legsNetwork(), quick);
    const legs = plan.routes[0]!.legs;
    expect(legs.map((l) => l.kind)).toEqual([0, 1, 3, 2]);
    expect(legs[3]!.units).toBe(20);
    expect(plan.demands[0]!.lotsPerHour * 24).toBeCloseTo(1, 12);
  });

  it('returns plain data, the same after a JSON round trip', async () => {
    const r = await simulate(legsNetwork(), quick);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.replications).toBe(2);
    expect(r.seed).toBe(1);
  });
});

/** A border node at latitude 44°. */
const borderNode = (id: string, country: string, lon: number) => ({
  id,
  name: id.toUpperCase(),
  country,
  kind: 'border',
  lon,
  lat: 44,
  provenance,
});

/** A road crossing whose lanes each clear a truck in 1 h on average (exponential). */
const roadCrossing = (id: string, from: string, to: string, lanes: number) => ({
  id,
  name: id.toUpperCase(),
  mode: 'road',
  from,
  to,
  lanes,
  steps: [{ name: 'clearance', time: 'exp(mean=1h)' }],
  provenance,
});

/** Two road crossings of one border: X on the way (1 lane), Y ten hours round by road (10 lanes). */
function twoCrossings(): NetworkModel {
  const r = validateNetwork({
    format: 'caravan/1',
    units: [{ id: 'truck', t: 20, provenance }],
    modes: { road: { unit: 'truck', co2e_g_per_t_km: 90, provenance } },
    nodes: [
      borderNode('a', 'CN', 80),
      borderNode('b1', 'CN', 80.5),
      borderNode('b2', 'CN', 81),
      borderNode('c', 'KZ', 80.7),
    ],
    links: [
      { from: 'a', to: 'b1', mode: 'road', distance_km: 50, time: 'const(1h)', provenance },
      { from: 'b1', to: 'b2', mode: 'road', distance_km: 500, time: 'const(10h)', provenance },
    ],
    crossings: [roadCrossing('x', 'b1', 'c', 1), roadCrossing('y', 'b2', 'c', 10)],
    demand: [{ from: 'a', to: 'c', units_per_day: 19.2, unit: 'truck', provenance }],
  });
  if (!r.model) throw new Error(JSON.stringify(r.issues));
  return r.model;
}

describe('diversion', () => {
  it('a unit finding the queue too long goes to another crossing of the same border, once', async () => {
    const options = { days: 200, warmupDays: 10, replications: 2, workers: 1 };
    const plain = await simulate(twoCrossings(), options);
    expect(Object.keys(plain.crossings)).toEqual(['x']);
    expect(plain.crossings.x!.diverted).toBe(0);
    const r = await simulate(twoCrossings(), { ...options, divertQueue: 5 });
    const x = r.crossings.x!;
    const y = r.crossings.y!;
    expect(x.diverted).toBeGreaterThan(50);
    // the diverted units are Y's only traffic: one more hour of road at most separates the counts
    expect(Math.abs(y.arrived - x.diverted)).toBeLessThanOrEqual(2 * 2);
    expect(x.queue.max).toBeLessThanOrEqual(5);
    expect(plain.crossings.x!.queue.max).toBeGreaterThan(5);
    expect(x.wait_h.mean!).toBeLessThan(plain.crossings.x!.wait_h.mean!);
  });
});

describe('arrival patterns', () => {
  it('an hourly profile puts arrivals where it says', () => {
    const profile: number[] = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 12 ? 3 : h >= 20 ? 0 : 1));
    const arrivals = arrivalProcess({ profile }, 10, new RandomStreams(301).stream(0));
    const counts = new Array(24).fill(0);
    let t = 0;
    let n = 0;
    for (;;) {
      t = arrivals.next(t);
      if (t >= 24 * 2000) break;
      counts[Math.floor(t) % 24]++;
      n++;
    }
    const total = profile.reduce((s, x) => s + x, 0);
    expect(n / 2000 / 24).toBeCloseTo(10, 0);
    for (let h = 0; h < 24; h++) {
      const expected = (n * profile[h]!) / total;
      expect(Math.abs(counts[h] - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected) + 1);
    }
  });

  it('evenly spaced arrivals keep their rate', () => {
    const arrivals = arrivalProcess('uniform', 2, { next: () => 0.5 });
    expect([arrivals.next(0), arrivals.next(0.25), arrivals.next(0.75)]).toEqual([0.25, 0.75, 1.25]);
  });
});

/** One border with two identical road crossings, X and Y, each 1 lane clearing a truck in 1 h on average. */
function twinCrossings(unitsPerDay: number): NetworkModel {
  const r = validateNetwork({
    format: 'caravan/1',
    units: [{ id: 'truck', t: 20, provenance }],
    modes: { road: { unit: 'truck', co2e_g_per_t_km: 90, provenance } },
    nodes: [borderNode('a', 'CN', 80), borderNode('b', 'KZ', 80.01)],
    crossings: [roadCrossing('x', 'a', 'b', 1), roadCrossing('y', 'a', 'b', 1)],
    demand: [{ from: 'a', to: 'b', units_per_day: unitsPerDay, unit: 'truck', provenance }],
  });
  if (!r.model) throw new Error(JSON.stringify(r.issues));
  return r.model;
}

describe('the loaded network’s split', () => {
  it('sends each share of a demand through the crossings the assignment gives it: half by each twin', async () => {
    // 36 trucks a day would overload one crossing (24 a day); by symmetry the equilibrium sends 18 by
    // each, and so must the simulation: X and Y each see Poisson arrivals at 18 a day.
    const options = { days: 60, warmupDays: 10, replications: 4, workers: 1 };
    const plan = simulationPlan(twinCrossings(36), options);
    expect(plan.demands.map((d) => d.share).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(plan.demands.map((d) => d.share)).toEqual([expect.closeTo(0.5, 3), expect.closeTo(0.5, 3)]);
    const r = await simulate(twinCrossings(36), options);
    const expected = 18 * (60 - 10) * 4;
    for (const id of ['x', 'y']) {
      // arrivals in the counted window, summed over replications: Poisson, so within 4 standard errors
      expect(Math.abs(r.crossings[id]!.arrived - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected));
    }
    const od = r.od['a->b']!;
    expect(od.paths.map((p) => p.share)).toEqual([expect.closeTo(0.5, 3), expect.closeTo(0.5, 3)]);
    expect(od.demands).toEqual([plan.demands[0]!.id]);
  });

  it('keeps a demand on one path whole, its random stream keyed by the demand alone', () => {
    const plan = simulationPlan(twinCrossings(6), { days: 30, replications: 1 });
    // 6 a day: the equilibrium may still split (equal waits), but every part carries its share
    const total = plan.demands.reduce((s, d) => s + d.lotsPerHour * 24, 0);
    expect(total).toBeCloseTo(6, 9);
    for (const d of plan.demands) expect(d.part === undefined).toBe(plan.demands.length === 1);
  });
});
