/**
 * A service's monthly profile in the simulator: in month m a timetabled service sails profile[m] of its
 * departures (binomial counts, within 4 standard errors), a service that sails when full is closed a
 * day at a time, hand-computed closures hold full carriers and expired waits, and a profile leaves
 * every other element's draws alone.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkModel } from '../../src/model/schema.js';
import { validateNetwork } from '../../src/model/validate.js';
import { BatchService, type BatchServiceOptions } from '../../src/sim/batch-service.js';
import { Simulation } from '../../src/sim/kernel.js';
import { RandomStreams } from '../../src/sim/random.js';
import { sailingShareOver, serviceOptions } from '../../src/sim/service-from-network.js';
import { simulate, simulationPlan } from '../../src/sim/simulate.js';
import { TripModel } from '../../src/sim/trip-model.js';

const H = 3_600_000;
const monthOf = (start: number, t: number) => new Date(start + t * H).getUTCMonth();

/** Boards one unit every `every_h` hours from time 0 and records the departure times. */
function run(options: BatchServiceOptions, horizon: number, every_h = 1): number[] {
  const sim = new Simulation();
  const departures: number[] = [];
  const service = new BatchService(sim, () => departures.push(sim.now), options);
  let unit = 0;
  const arrive = sim.handler('arrive', () => {
    service.board(unit++);
    sim.schedule(every_h, arrive);
  });
  sim.scheduleAt(0, arrive);
  sim.run(horizon);
  return departures;
}

/** A compiled service side with one departure a day, 1,000 slots. */
const daily = (monthlyProfile: number[] | undefined) => ({
  time: { kind: 'const' as const, value_h: 10 },
  departuresPerWeek: 7,
  departsWhenFull: false,
  maxWaitH: undefined,
  capacityUnits: 1000,
  fareUsdPerUnit: 0,
  monthlyProfile,
  declaredCapacityTPerYear: Number.POSITIVE_INFINITY,
});

describe('seasonal sailings', () => {
  it('a daily service with profile [1 × 6, 0.5 × 6] sails every day to June and half the days after (binomial, 4 SE)', () => {
    const profile = [1, 1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
    const start = Date.UTC(2023, 0, 1);
    const replications = 20;
    const counts = new Array<number>(12).fill(0);
    const streams = new RandomStreams(3);
    for (let r = 0; r < replications; r++) {
      const options = serviceOptions(daily(profile), {
        start_date: '2023-01-01',
        weather: () => streams.keyed(r, 'weather', 'service:test'),
      });
      for (const t of run(options, 8760)) counts[monthOf(start, t)]!++;
    }
    for (let m = 0; m < 12; m++) {
      const days = new Date(Date.UTC(2023, m + 1, 0)).getUTCDate();
      const n = replications * days;
      const p = profile[m]!;
      if (p === 1) expect(counts[m]).toBe(n);
      else expect(Math.abs(counts[m]! - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)));
    }
  });

  it('without a date every month sails the annual mean share', () => {
    const profile = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
    const options = serviceOptions(daily(profile), {
      start_date: undefined,
      weather: () => new RandomStreams(4).keyed(0, 'weather', 'service:test'),
    });
    const n = 3650;
    const sailed = run(options, 24 * n).length;
    const p = 10 / 12;
    expect(Math.abs(sailed - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)));
  });

  it('a service without a profile, or with every month at 1, has no closures and draws nothing', () => {
    let draws = 0;
    const weather = () => ({
      next: () => {
        draws++;
        return 0.5;
      },
    });
    expect(serviceOptions(daily(undefined), { start_date: '2024-01-01', weather }).closures).toBeUndefined();
    expect(
      serviceOptions(daily(new Array(12).fill(1)), { start_date: '2024-01-01', weather }).closures,
    ).toBeUndefined();
    expect(draws).toBe(0);
  });

  it('a closed slot cancels its departure and the next open one takes what waited (hand-computed)', () => {
    // Departures at 0, 10, 20, 30 h; draws 0.1, 0.9, 0.9, 0.1 against a share of 0.5: open, closed,
    // closed, open. Units every 4 h from 0: the 0-h departure takes unit 0, the 30-h one units 1–7.
    const draws = [0.1, 0.9, 0.9, 0.1, 0.1];
    const sim = new Simulation();
    const sailed: string[] = [];
    const service = new BatchService(
      sim,
      (units, _at, load) => sailed.push(`${sim.now}: ${Array.from(units.subarray(0, load)).join(',')}`),
      {
        capacity: 20,
        departs: 'schedule',
        timetable: { period_h: 10, times_h: [0] },
        closures: { openShare: () => 0.5, random: { next: () => draws.shift()! } },
      },
    );
    const arrive = sim.handler('arrive', (u) => service.board(u));
    for (let u = 0; u < 8; u++) sim.scheduleAt(4 * u, arrive, u);
    sim.run(35);
    expect(sailed).toEqual(['0: 0', '30: 1,2,3,4,5,6,7']);
  });

  it('while closed a full carrier and an expired maximum wait are held until the day opens (hand-computed)', () => {
    // Sails when full (3 slots) or after 5 h; days open, closed, open (draws 0, 0.99, 0). Units at 1, 2,
    // 3 fill a carrier at 3; unit 3 at 20 waits out its 5 h at 25 (closed): held. Units at 26, 27 and
    // 28 wait with it: at 28 the carrier is full but closed. All leave at 48 when the day opens: a full
    // carrier with 3, 26, 27, then 28 alone as its maximum wait was already out (boarded 28, due 33).
    const draws = [0, 0.99, 0];
    const sim = new Simulation();
    const sailed: string[] = [];
    const service = new BatchService(
      sim,
      (units, _at, load) => sailed.push(`${sim.now}: ${Array.from(units.subarray(0, load)).join(',')}`),
      {
        capacity: 3,
        departs: 'full',
        maxWait_h: 5,
        closures: { openShare: () => 0.5, random: { next: () => draws.shift() ?? 0 } },
      },
    );
    const arrive = sim.handler('arrive', (u) => service.board(u));
    for (const [u, t] of [1, 2, 3, 20, 26, 27, 28].entries()) sim.scheduleAt(t, arrive, u);
    sim.run(60);
    expect(sailed).toEqual(['3: 0,1,2', '48: 3,4,5', '48: 6']);
  });
});

const provenance = { '*': { estimate: 'made up for a test of the simulation' } };

/**
 * A → rail (10 h) → B ═ crossing (4 lanes, 2 h) ═ C ⇒ ferry at 00:00 UTC daily (5 h, 2,000 wagons) → D;
 * 12 trains a day (Poisson): a train is waiting at nearly every departure (none in a day: e^-12).
 */
function ferryNetwork(monthly?: number[]): NetworkModel {
  const node = (id: string, country: string, lon: number) => ({
    id,
    name: id.toUpperCase(),
    country,
    kind: 'terminal',
    lon,
    lat: 45,
    provenance,
  });
  const r = validateNetwork({
    format: 'caravan/1',
    units: [
      { id: 'train', t: 1000, provenance },
      { id: 'wagon', t: 50, provenance },
    ],
    modes: {
      rail: { unit: 'train', co2e_g_per_t_km: 20, provenance },
      ferry: { unit: 'wagon', co2e_g_per_t_km: 100, provenance },
    },
    nodes: [node('a', 'CN', 80), node('b', 'CN', 81), node('c', 'KZ', 81.1), node('d', 'AZ', 85)],
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
        lanes: 4,
        distance_km: 10,
        steps: [{ name: 'formalities', time: 'exp(mean=2h)' }],
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
        departures_per_week: 7,
        capacity_units: 2000,
        provenance,
        ...(monthly ? { monthly_profile: monthly } : {}),
      },
    ],
    demand: [{ from: 'a', to: 'd', t_per_year: 12_000 * 365, provenance }],
  });
  if (!r.model) throw new Error(JSON.stringify(r.issues));
  return r.model;
}

describe('seasonal sailings in a run', () => {
  it('a run from 15 June over a month’s end: every June departure sails, 30 % of July’s (binomial, 4 SE)', () => {
    const profile = [1, 1, 1, 1, 1, 1, 0.3, 1, 1, 1, 1, 1];
    // 47 days from 15 June 2024: departures at 00:00 UTC, 16 in June (the first before any train is
    // in, so 15 sail), 31 in July (1 July is 16 days in, 31 July 46 days in)
    const plan = simulationPlan(ferryNetwork(profile), {
      date: '2024-06-15',
      days: 47,
      warmupDays: 0,
      drainDays: 0,
    });
    const start = Date.UTC(2024, 5, 15);
    const replications = 30;
    const streams = new RandomStreams(11);
    let june = 0;
    let july = 0;
    for (let r = 0; r < replications; r++) {
      const times = new Set<number>();
      new TripModel(new Simulation(), plan, (p, e) => streams.keyed(r, p, e), {
        sailed: (_s, _d, time) => times.add(time),
      }).run();
      for (const t of times) {
        expect(t % 24).toBe(0);
        if (monthOf(start, t) === 5) june++;
        else if (monthOf(start, t) === 6) july++;
      }
    }
    expect(june).toBe(15 * replications);
    const n = 31 * replications;
    const p = 0.3;
    expect(Math.abs(july - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)));
  });

  it('a profile leaves every other element alone: the crossing before the ferry sees the same draws', async () => {
    const options = {
      days: 40,
      warmupDays: 5,
      drainDays: 10,
      replications: 3,
      workers: 1,
      date: '2024-11-01',
    };
    const plain = await simulate(ferryNetwork(), options);
    const stormy = await simulate(ferryNetwork([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5, 0.5]), options);
    expect(JSON.stringify(stormy.crossings)).toBe(JSON.stringify(plain.crossings));
    expect(stormy.services.ferry!.wait_h.mean!).toBeGreaterThan(plain.services.ferry!.wait_h.mean! + 12);
    // and a flat profile is no profile, byte for byte
    const flat = await simulate(ferryNetwork(new Array(12).fill(1)), options);
    expect(JSON.stringify(flat)).toBe(JSON.stringify(plain));
  });

  it('a run whose months sail another share than the mean says so, with the shares counted by hand', async () => {
    // Counted days 15 December to 29 January (days 14–60 from 1 December): 408 h at 0.5 and 696 h at
    // 0.82 give (204 + 570.72) / 1,104 = 0.7017; the year's mean is (10 × 1 + 0.82 + 0.5) / 12 = 0.9433.
    const profile = [0.82, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5];
    expect(sailingShareOver(profile, '2024-12-01', 336, 1440)).toBeCloseTo(
      (408 * 0.5 + 696 * 0.82) / 1104,
      12,
    );
    expect(sailingShareOver(profile, undefined, 336, 1440)).toBeCloseTo(11.32 / 12, 12);
    const options = {
      days: 60,
      warmupDays: 14,
      drainDays: 5,
      replications: 1,
      workers: 1,
      date: '2024-12-01',
    };
    const r = await simulate(ferryNetwork(profile), options);
    expect(r.warnings).toEqual([
      'ferry: its monthly_profile sails 0.70 of the scheduled departures over the counted days, against the annual mean 0.94 that the loaded network of route, assign and check takes; its simulated wait is that of these months',
    ]);
    // a service without a profile has nothing to say
    const plain = await simulate(ferryNetwork(), options);
    expect(plain.warnings).toEqual([]);
  });
});
