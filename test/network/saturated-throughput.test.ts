/**
 * Operational capacity against the simulator: a crossing fed a standing queue clears, per hour over
 * whole weeks, what `crossingUnitsPerH` says — lanes × (open hours ÷ mean clearance + the last unit of
 * each spell, (1 + cv²)/2 by the renewal theorem), at most the daily quota — within 5 % on random
 * crossings, beyond the simulation's own noise (4 standard errors of the mean of six replications). The edge term: a lane keeps starting units until closing and finishes the last after it.
 * Drivers who wait in an e-queue are called forward at the rate the lanes clear while open, so there
 * the edge term is not used: the capacity is lanes × open hours ÷ mean clearance, at most the quota.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CrossingSide, compileNetwork } from '../../src/network/compile.js';
import { crossingUnitsPerH } from '../../src/network/crossing-clearance-rate.js';
import { BorderCrossing } from '../../src/sim/crossing.js';
import { crossingOptions } from '../../src/sim/crossing-from-network.js';
import { Simulation } from '../../src/sim/kernel.js';
import { RandomStreams } from '../../src/sim/random.js';
import { validModel } from '../flow/models.js';
import { crossingClient, crossingHooks } from '../sim/helpers/crossing-hooks.js';

const WEEK_H = 168;

function crossingModel(c: Record<string, unknown>) {
  return validModel({
    format: 'caravan/1',
    units: [{ id: 'truck', t: 20 }],
    modes: { road: { unit: 'truck', co2e_g_per_t_km: 90 } },
    nodes: [
      { id: 'a', name: 'A', country: 'CN', kind: 'border', lon: 80, lat: 44 },
      { id: 'b', name: 'B', country: 'KZ', kind: 'border', lon: 80.1, lat: 44 },
    ],
    crossings: [{ id: 'x', name: 'X', mode: 'road', from: 'a', to: 'b', tz: 'UTC', ...c }],
  });
}

/** Units the simulated crossing clears an hour, weeks 2 to `weeks`, under a standing queue. */
function simulatedPerH(side: CrossingSide, expectedPerH: number, weeks: number, seed: number) {
  // a driver's e-queue, as a run sets it up for a crossing whose drivers use one: 1-h slots at the full rate
  const eQueue = side.eQueue ? { slot_h: 1, share: 1 } : undefined;
  const sim = new Simulation();
  const streams = new RandomStreams(seed);
  let cleared = 0;
  const warmup = WEEK_H;
  const end = weeks * WEEK_H;
  const hooks = crossingHooks({
    cleared: (t) => {
      if (t >= warmup && t < end) cleared++;
    },
  });
  const crossing = new BorderCrossing(sim, crossingClient(), {
    ...crossingOptions(side, streams.stream(0, 1), eQueue),
    hooks,
  });
  const units = Math.ceil(expectedPerH * end * 1.5) + 100;
  const kind = sim.handler('reach', (token) => crossing.arrive(token));
  for (let i = 0; i < units; i++) sim.scheduleAt(0, kind, i);
  sim.run(end);
  return cleared / (end - warmup);
}

const STEP_TIMES = [
  'const(30min)',
  'exp(mean=20min)',
  'tri(10min, 30min, 1h)',
  'lognormal(mean=40min, sd=20min)',
];
/** Replications of each random crossing. */
const REPLICATIONS = 6;
const HOURS = ['24/7', 'daily 08:00-20:00', 'Mon-Fri 09:00-18:00', 'daily 06:00-22:00'];

describe('saturated throughput = operational capacity (±5 %)', () => {
  it('on random crossings: lanes, hours, steps with probabilities and repeats, a quota or none', () => {
    fc.assert(
      fc.property(
        fc.record({
          lanes: fc.integer({ min: 1, max: 6 }),
          hours: fc.constantFrom(...HOURS),
          first: fc.constantFrom(...STEP_TIMES),
          second: fc.constantFrom(...STEP_TIMES),
          probability: fc.double({ min: 0.1, max: 1, noNaN: true }),
          repeat: fc.double({ min: 0, max: 0.5, noNaN: true }),
          quota: fc.option(fc.integer({ min: 5, max: 200 }), { nil: undefined }),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          eQueue: fc.boolean(),
        }),
        (p) => {
          const model = crossingModel({
            lanes: p.lanes,
            hours: p.hours,
            steps: [
              { name: 'documents', time: p.first },
              { name: 'inspection', time: p.second, probability: p.probability, repeat: p.repeat },
            ],
            ...(p.quota !== undefined ? { quota_units_per_day: p.quota } : {}),
            ...(p.eQueue ? { drivers: { e_queue: true } } : {}),
          });
          const side = compileNetwork(model).crossings[0]!.sides[0];
          const expected = crossingUnitsPerH(side).unitsPerH;
          // Independent replications: the formula may be off by its edge terms (5 %), the simulated
          // rate by its noise (4 standard errors of the mean over the replications).
          const ratios = Array.from(
            { length: REPLICATIONS },
            (_, r) => simulatedPerH(side, expected, 12, p.seed + r * 1_000_003) / expected,
          );
          const mean = ratios.reduce((a, x) => a + x, 0) / REPLICATIONS;
          const se = Math.sqrt(
            ratios.reduce((a, x) => a + (x - mean) ** 2, 0) / (REPLICATIONS - 1) / REPLICATIONS,
          );
          expect(Math.abs(mean - 1), JSON.stringify({ ...p, expected, ratios })).toBeLessThan(0.05 + 4 * se);
        },
      ),
      { numRuns: 12 },
    );
  });
});
