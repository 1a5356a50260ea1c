/**
 * The queue model against long simulations of the crossing the simulator runs (src/sim/crossing.ts),
 * fed with Poisson arrivals, on random small crossings (fast-check): lanes 1–4, open 8–24 hours a day,
 * load 0.2–0.8 of capacity. The model is an approximation (a fluid backlog, Allen–Cunneen, a Gaussian
 * random walk), so it is held to the simulated mean within 4 standard errors plus its own error on this
 * class: measured over 360 such crossings (16 replications × 150 days each, three seeds) it was at most
 * 8.5 % of the simulated mean beyond the 4 standard errors (three lanes open 23 h a day, waits of half
 * an hour), two of the 360 beyond 6 %; 15 % is allowed, and 0.05 h for waits of a few minutes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closedWaitH, queueSide, queueWait } from '../../src/queueing/crossing-queue.js';
import { mmcWait } from '../../src/queueing/erlang-c.js';
import { arrivalProcess } from '../../src/sim/arrival-process.js';
import { BorderCrossing } from '../../src/sim/crossing.js';
import { crossingOptions } from '../../src/sim/crossing-from-network.js';
import { Simulation } from '../../src/sim/kernel.js';
import { RandomStreams } from '../../src/sim/random.js';
import { Moments } from '../../src/sim/stats/moments.js';
import { crossingClient, crossingHooks } from '../sim/helpers/crossing-hooks.js';
import { crossingSide } from '../sim/helpers/crossing-side.js';

/** The model's error allowed beyond 4 standard errors: this share of the simulated mean, plus an absolute floor, hours. */
const MODEL_ERROR = 0.15;
const MODEL_ERROR_FLOOR_H = 0.05;

/** Mean wait (arrival to lane) of each replication, units arriving after a two-week warm-up. */
function simulatedWaits(
  side: ReturnType<typeof crossingSide>,
  perHour: number,
  seed: number,
  replications = 16,
  days = 150,
): Moments {
  const streams = new RandomStreams(seed);
  const means = new Moments();
  const warmup = 14 * 24;
  const end = warmup + days * 24;
  for (let r = 0; r < replications; r++) {
    const sim = new Simulation();
    let sum = 0;
    let count = 0;
    const hooks = crossingHooks({
      cleared: (_t, _token, reached, _queued, started) => {
        if (reached < warmup || reached >= end) return;
        sum += started - reached;
        count++;
      },
    });
    const options = crossingOptions(side, { keyed: (purpose, key) => streams.keyed(r, purpose, key) });
    const crossing = new BorderCrossing(sim, crossingClient(), { ...options, hooks });
    const arrivals = arrivalProcess('poisson', perHour, streams.keyed(r, 'arrivals', 'test'));
    const kind = sim.handler('reach', () => {
      crossing.arrive(0);
      const t = arrivals.next(sim.now);
      if (t < end) sim.scheduleAt(t, kind);
    });
    sim.scheduleAt(arrivals.next(0), kind);
    sim.run(end + 30 * 24);
    means.add(sum / count);
  }
  return means;
}

/** Asserts the model near the simulated mean; returns [the model's error, the simulated mean], hours. */
function expectModelNear(model: number, m: Moments): [number, number] {
  const se = m.sd / Math.sqrt(m.count);
  expect(Math.abs(model - m.mean)).toBeLessThanOrEqual(4 * se + MODEL_ERROR * m.mean + MODEL_ERROR_FLOOR_H);
  return [Math.abs(model - m.mean), m.mean];
}

const time = (kind: number, m: number): string =>
  [
    `exp(mean=${m}h)`,
    `lognormal(mean=${m}h, sd=${0.6 * m}h)`,
    `gamma(mean=${m}h, sd=${1.3 * m}h)`,
    `tri(${0.5 * m}h, ${0.8 * m}h, ${1.7 * m}h)`,
  ][kind]!;

describe('the queue model against the simulated crossing', () => {
  it('agrees on random crossings with opening hours, within 4 standard errors and the model’s error, by under 6 % over all of them, under half the error of a wait for opening plus G/G/c', () => {
    // The sum of the errors over the sum of the simulated waits bounds the model where one crossing
    // cannot: 3.9 % at this seed, where the model before the backlog of the closed hours was modelled
    // (the wait for opening plus G/G/c at the weekly-average capacity, computed here) is off by 10.4 %.
    const errors: [number, number][] = [];
    const beforeErrors: number[] = [];
    fc.assert(
      fc.property(
        fc.record({
          lanes: fc.integer({ min: 1, max: 4 }),
          openH: fc.integer({ min: 8, max: 24 }),
          startH: fc.integer({ min: 0, max: 23 }),
          kind: fc.integer({ min: 0, max: 3 }),
          m: fc.double({ min: 0.2, max: 1.5, noNaN: true }),
          rho: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
        }),
        (p) => {
          const hours =
            p.openH === 24
              ? '24/7'
              : `daily ${String(p.startH).padStart(2, '0')}:00-${String((p.startH + p.openH) % 24).padStart(2, '0')}:00`;
          const side = crossingSide({
            lanes: p.lanes,
            hours,
            steps: [{ name: 'clearance', time: time(p.kind, Number(p.m.toFixed(3))) }],
          });
          const q = queueSide(side);
          const lambda = p.rho * q.capacityUnitsPerH;
          const simulated = simulatedWaits(side, lambda, 41);
          errors.push(expectModelNear(queueWait(q, lambda).meanH, simulated));
          const before =
            closedWaitH(q.calendar) +
            mmcWait(q.lanes, lambda, q.capacityUnitsPerH / q.lanes) * ((1 + q.serviceCv2) / 2);
          beforeErrors.push(Math.abs(before - simulated.mean));
        },
      ),
      { numRuns: 40, seed: 5 },
    );
    const total = (i: number) => errors.reduce((s, e) => s + e[i]!, 0);
    const before = beforeErrors.reduce((s, e) => s + e, 0) / total(1);
    expect(total(0) / total(1)).toBeLessThan(0.06);
    expect(total(0) / total(1)).toBeLessThan(before / 2);
  });

  it('agrees where a daily quota binds, under opening hours and round the clock, and at a road port of the dataset’s kind', () => {
    const quota = crossingSide({
      lanes: 2,
      hours: 'daily 08:00-20:00',
      quota_units_per_day: 14,
      steps: [{ name: 'clearance', time: 'exp(mean=1h)' }],
    });
    // Bakhty–Baketu's shape: four lanes, 10:00–18:00, its six steps with their probabilities and repeat.
    const port = crossingSide({
      lanes: 4,
      hours: 'daily 10:00-18:00',
      steps: [
        { name: 'border guard', time: 'tri(3min, 5min, 15min)' },
        { name: 'customs', time: 'tri(5min, 8min, 20min)' },
        { name: 'x-ray', time: 'tri(5min, 8min, 20min)', probability: 0.5 },
        { name: 'inspection', time: 'lognormal(mean=1.5h, sd=1h)', probability: 0.1, repeat: 0.3 },
        { name: 'phytosanitary', time: 'tri(10min, 20min, 1h)', probability: 0.15 },
        { name: 'exit', time: 'tri(2min, 3min, 10min)' },
      ],
    });
    // Altynkol–Khorgos eastbound's shape: round the clock, 33 tracks, 18.4 trains a day.
    const altynkol = crossingSide({
      lanes: 33,
      quota_units_per_day: 18.4,
      steps: [{ name: 'clearance', time: 'lognormal(mean=17.6h, sd=5h)' }],
    });
    for (const side of [quota, port, altynkol])
      for (const rho of [0.5, 0.8]) {
        const q = queueSide(side);
        const lambda = rho * q.capacityUnitsPerH;
        expectModelNear(queueWait(q, lambda).meanH, simulatedWaits(side, lambda, 43, 20, 300));
      }
  });
});
