/**
 * A demand's monthly profile: arrivals in each calendar month of a run come at the rate × the month's
 * factor, checked against the Poisson counts (within 4 standard errors), the hourly profile combined
 * with it, evenly spaced arrivals counted by hand, and the whole path from the file to the run.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkModel } from '../../src/model/schema.js';
import { validateNetwork } from '../../src/model/validate.js';
import { type ArrivalProcess, arrivalProcess } from '../../src/sim/arrival-process.js';
import { RandomStreams } from '../../src/sim/random.js';
import { simulate, simulationPlan } from '../../src/sim/simulate.js';

const H = 3_600_000;
/** Month (0 = January) of simulated time `t` for a run starting at `start` (UTC ms), by the Date API. */
const monthOf = (start: number, t: number) => new Date(start + t * H).getUTCMonth();
/** Hours from `start` to the first day of month `m` of `year` (month may run past 11). */
const hoursTo = (start: number, year: number, m: number) => (Date.UTC(year, m, 1) - start) / H;

/** A Chinese-New-Year-like profile: low February, busy autumn; mean 1. */
const FACTORS = [1.2, 0.4, 0.8, 1, 1, 1, 1, 1, 1.1, 1.3, 1.2, 1];

function countByMonth(arrivals: ArrivalProcess, start: number, horizon: number): number[] {
  const counts = new Array<number>(12).fill(0);
  for (let t = arrivals.next(0); t < horizon; t = arrivals.next(t)) counts[monthOf(start, t)]!++;
  return counts;
}

describe('seasonal arrivals', () => {
  it('Poisson arrivals in each month average rate × factor × the month’s hours (within 4 SE)', () => {
    // A non-leap year from 1 January 2023: each month's count is Poisson with mean λ f_m h_m.
    const start = Date.UTC(2023, 0, 1);
    const perHour = 0.5;
    const replications = 40;
    const totals = new Array<number>(12).fill(0);
    const streams = new RandomStreams(17);
    for (let r = 0; r < replications; r++) {
      const arrivals = arrivalProcess('poisson', perHour, streams.stream(r), 0, {
        factors: FACTORS,
        start_date: '2023-01-01',
      });
      countByMonth(arrivals, start, 8760).forEach((c, m) => {
        totals[m]! += c;
      });
    }
    for (let m = 0; m < 12; m++) {
      const hours = hoursTo(start, 2023, m + 1) - hoursTo(start, 2023, m);
      const mean = replications * perHour * FACTORS[m]! * hours;
      expect(Math.abs(totals[m]! - mean)).toBeLessThanOrEqual(4 * Math.sqrt(mean));
    }
    // February (×0.4) against October (×1.3), both ~thousands: the profile shows, not only the noise
    expect(totals[9]! / 31 / (totals[1]! / 28)).toBeGreaterThan(2.5);
  });

  it('with an hourly profile too, the rate is their product: counts by month and local hour', () => {
    const start = Date.UTC(2023, 0, 1);
    const hourly = Array.from({ length: 24 }, (_, h): number => (h >= 8 && h < 12 ? 3 : h >= 20 ? 0 : 1));
    const hourlyTotal = hourly.reduce((s, x) => s + x, 0);
    const offset = 6; // local time 6 h ahead of UTC
    const perHour = 2;
    const arrivals = arrivalProcess({ profile: hourly }, perHour, new RandomStreams(5).stream(0), offset, {
      factors: FACTORS,
      start_date: '2023-01-01',
    });
    const counts = Array.from({ length: 12 }, () => new Array<number>(24).fill(0));
    for (let t = arrivals.next(0); t < 8760; t = arrivals.next(t))
      counts[monthOf(start, t)]![Math.floor(t + offset) % 24]!++;
    for (let m = 0; m < 12; m++) {
      // each local hour of the month: days × its share of the day's intensity; the month's edges
      // fall at 06:00 local, so the first and last day split, but each local hour still occurs once a day
      const days = (hoursTo(start, 2023, m + 1) - hoursTo(start, 2023, m)) / 24;
      for (let h = 0; h < 24; h++) {
        const mean = perHour * FACTORS[m]! * days * (hourly[h]! / hourlyTotal) * 24;
        if (mean === 0) expect(counts[m]![h]).toBe(0);
        else expect(Math.abs(counts[m]![h]! - mean)).toBeLessThanOrEqual(4 * Math.sqrt(mean));
      }
    }
  });

  it('evenly spaced arrivals are 1 / (rate × factor) apart, and a gap over a month’s end is split by the rates', () => {
    // From 30 June 2024 22:00 is not a start; start 2024-06-30 at 00:00, rate 1 an hour: June ×2 (every
    // 30 min), July ×0.5 (every 2 h). Phase: a draw of 0.5 of a unit → first arrival at 0.25 h.
    const factors = [1, 1, 1, 1, 1, 2, 0.5, 1, 1, 1, 1, 1];
    const arrivals = arrivalProcess('uniform', 1, { next: () => 0.5 }, 0, {
      factors,
      start_date: '2024-06-30',
    });
    const times: number[] = [];
    for (let t = arrivals.next(0); t < 30; t = arrivals.next(t)) times.push(t);
    const june = times.filter((t) => t < 24);
    expect(june[0]).toBeCloseTo(0.25, 12);
    expect(june.length).toBe(48);
    for (let i = 1; i < june.length; i++) expect(june[i]! - june[i - 1]!).toBeCloseTo(0.5, 12);
    // the last June arrival at 23.75 h: 0.25 h of June uses 0.5 of a unit, the other 0.5 takes 1 h of July
    expect(times[48]).toBeCloseTo(25, 12);
    expect(times[49]).toBeCloseTo(27, 12);
    expect(times[50]).toBeCloseTo(29, 12);
  });

  it('a month whose factor is 0 has no arrivals', () => {
    const factors = [1, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const start = Date.UTC(2024, 0, 1);
    const arrivals = arrivalProcess('poisson', 1, new RandomStreams(2).stream(0), 0, {
      factors,
      start_date: '2024-01-01',
    });
    const counts = countByMonth(arrivals, start, hoursTo(start, 2024, 3));
    expect(counts[1]).toBe(0);
    expect(counts[0]).toBeGreaterThan(600);
    expect(counts[2]).toBeGreaterThan(1300);
  });
});

const provenance = { '*': { estimate: 'made up for a test of the simulation' } };

/** A → road (5 h) → B, trucks of 20 t, `monthly_profile` on the demand when given. */
function roadNetwork(monthly?: number[]): NetworkModel {
  const node = (id: string, lon: number) => ({
    id,
    name: id.toUpperCase(),
    country: 'KZ',
    kind: 'terminal',
    lon,
    lat: 45,
    provenance,
  });
  const r = validateNetwork({
    format: 'caravan/1',
    units: [{ id: 'truck', t: 20, provenance }],
    modes: { road: { unit: 'truck', co2e_g_per_t_km: 90, provenance } },
    nodes: [node('a', 70), node('b', 70.5)],
    links: [{ from: 'a', to: 'b', mode: 'road', distance_km: 40, time: 'const(5h)', provenance }],
    demand: [
      {
        from: 'a',
        to: 'b',
        units_per_day: 48,
        unit: 'truck',
        provenance,
        ...(monthly ? { monthly_profile: monthly } : {}),
      },
    ],
  });
  if (!r.model) throw new Error(JSON.stringify(r.issues));
  return r.model;
}

describe('seasonal demand in a run', () => {
  // March ×3, April ×0 (mean of the written profile: (10 + 3) / 12 = 13/12, so ×36/13 and ×0 as compiled)
  const written = [1, 1, 3, 0, 1, 1, 1, 1, 1, 1, 1, 1];

  it('the plan carries the compiled profile, normalised to a mean of 1', () => {
    const plan = simulationPlan(roadNetwork(written), { date: '2024-03-01', days: 20 });
    const profile = plan.demands[0]!.monthlyProfile!;
    expect(profile[2]).toBeCloseTo(36 / 13, 12);
    expect(profile[3]).toBe(0);
    expect(profile.reduce((s, x) => s + x, 0)).toBeCloseTo(12, 12);
  });

  it('a run in April delivers nothing, one in March 36/13 of the flat rate (within 4 SE)', async () => {
    const options = { days: 20, warmupDays: 2, drainDays: 2, replications: 4, workers: 1 };
    const april = await simulate(roadNetwork(written), { ...options, date: '2024-04-05' });
    expect(april.od['a->b']!.delivered).toBe(0);
    const march = await simulate(roadNetwork(written), { ...options, date: '2024-03-05' });
    // 18 days of window × 48 trucks a day × 36/13, Poisson over 4 replications
    const mean = 4 * 18 * 48 * (36 / 13);
    expect(Math.abs(march.od['a->b']!.delivered - mean)).toBeLessThanOrEqual(4 * Math.sqrt(mean));
  });

  it('a run across the month’s end changes rate as it goes: March ×36/13 for 10 days, then April ×0', async () => {
    const options = { days: 20, warmupDays: 0, drainDays: 2, replications: 4, workers: 1 };
    const r = await simulate(roadNetwork(written), { ...options, date: '2024-03-22' });
    const mean = 4 * 10 * 48 * (36 / 13);
    expect(Math.abs(r.od['a->b']!.delivered - mean)).toBeLessThanOrEqual(4 * Math.sqrt(mean));
  });

  it('without a profile the run is as before: a flat profile draws the same arrivals, byte for byte', async () => {
    const options = { days: 10, warmupDays: 1, replications: 2, workers: 1, date: '2024-03-05' };
    const plain = await simulate(roadNetwork(), options);
    const flat = await simulate(roadNetwork(new Array(12).fill(1)), options);
    expect(JSON.stringify(flat.od)).toBe(JSON.stringify(plain.od));
  });
});
