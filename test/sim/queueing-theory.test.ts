/**
 * The engine against queueing theory: each simulated mean lies within 4 standard errors of the
 * closed-form value, the standard error from independent replications (or i.i.d. observations), and
 * 4 standard errors are a small share of the truth (the test is tight).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/kernel.js';
import { QueueModel, type QueueModelOptions } from '../../src/sim/queue-model.js';
import { RandomStreams } from '../../src/sim/random.js';
import { constantSampler } from '../../src/sim/sample/constant.js';
import { exponentialSampler } from '../../src/sim/sample/exponential.js';
import { lognormalSampler } from '../../src/sim/sample/lognormal.js';
import { type QueueResult, type SimulateQueueOptions, simulateQueue } from '../../src/sim/simulate-queue.js';
import { Moments } from '../../src/sim/stats/moments.js';
import { Tally } from '../../src/sim/stats/tally.js';
import { cobhamWaits, erlangC, mmcMeanWait, pollaczekKhinchineWait } from './helpers/queueing-formulas.js';
import { expectWithin4Se } from './helpers/within.js';

/** Runs `replications` independent replications and gathers one statistic from each. */
function replicate(
  seed: number,
  replications: number,
  options: (streams: RandomStreams, r: number) => SimulateQueueOptions,
  statistic: (result: QueueResult) => number,
) {
  const streams = new RandomStreams(seed);
  const m = new Moments();
  for (let r = 0; r < replications; r++) m.add(statistic(simulateQueue(options(streams, r))));
  return m;
}

const expectWithin = expectWithin4Se;

const mmc =
  (servers: number, lambda: number, mu: number, horizon: number) => (s: RandomStreams, r: number) => ({
    interarrival: exponentialSampler(1 / lambda, s.stream(r, 0)),
    steps: [{ duration: exponentialSampler(1 / mu, s.stream(r, 1)) }],
    servers,
    horizon_h: horizon,
    warmup_h: horizon / 20,
  });

describe('queueing theory', () => {
  it('M/M/1 mean wait matches ρ/(μ − λ)', () => {
    const truth = 0.8 / (1 - 0.8); // 4 h
    expect(mmcMeanWait(1, 0.8, 1)).toBeCloseTo(truth, 12);
    const est = replicate(101, 20, mmc(1, 0.8, 1, 40_000), (q) => q.meanWait);
    expectWithin(est, truth, 0.1);
  });

  it('M/M/c mean wait matches Erlang C (c = 4, ρ = 0.85), and utilization ρ', () => {
    const truth = mmcMeanWait(4, 3.4, 1);
    const est = replicate(102, 40, mmc(4, 3.4, 1, 10_000), (q) => q.meanWait);
    expectWithin(est, truth, 0.1);
    // share of units that waited: those whose wait is above the histogram's 3.6 s resolution floor
    const waited = replicate(
      103,
      20,
      mmc(4, 3.4, 1, 10_000),
      (q) => 1 - q.lanes.wait.histogram.counts[0]! / q.lanes.wait.count,
    );
    expectWithin(waited, erlangC(4, 3.4, 1), 0.02);
    const utilization = replicate(104, 20, mmc(4, 3.4, 1, 10_000), (q) => q.utilization);
    expectWithin(utilization, 0.85, 0.01);
  });

  it('M/D/1 mean wait matches Pollaczek–Khinchine', () => {
    const truth = pollaczekKhinchineWait(0.8, 1, 1); // 2 h, half the M/M/1 wait
    const est = replicate(
      105,
      20,
      (s, r) => ({ ...mmc(1, 0.8, 1, 40_000)(s, r), steps: [{ duration: constantSampler(1) }] }),
      (q) => q.meanWait,
    );
    expectWithin(est, truth, 0.1);
  });

  it("Little's law holds on a simulated crossing: L = λW for the system and for the queue", () => {
    const s = new RandomStreams(106);
    const q = simulateQueue({
      interarrival: lognormalSampler(0.5, 0.8, s.stream(0, 0)),
      steps: [
        { duration: lognormalSampler(0.6, 0.3, s.stream(0, 1)) },
        { duration: exponentialSampler(0.4, s.stream(0, 2)), probability: 0.5, repeat: 0.2 },
      ],
      servers: 2,
      random: s.stream(0, 3),
      horizon_h: 100_000,
      warmup_h: 1_000,
    });
    const span = q.end - 1_000;
    const lambda = q.flow.entered / span;
    expect(q.meanPresent / (lambda * q.meanSojourn)).toBeCloseTo(1, 2);
    expect(q.meanQueue / (lambda * q.meanWait)).toBeCloseTo(1, 2);
    expect(q.flow.throughputPerDay(q.end)).toBeCloseTo(48, 0);
  });

  it("non-preemptive priority classes wait as Cobham's formula says", () => {
    // M/M/1, λ = 0.8, μ = 1: 30 % of units in a green lane served first
    const truth = cobhamWaits([
      { lambda: 0.24, mean: 1, secondMoment: 2 },
      { lambda: 0.56, mean: 1, secondMoment: 2 },
    ]);
    const streams = new RandomStreams(107);
    const green = new Moments();
    const ordinary = new Moments();
    for (let r = 0; r < 20; r++) {
      const sim = new Simulation();
      const waits = [new Tally({ warmup: 2_000 }), new Tally({ warmup: 2_000 })];
      const options: QueueModelOptions = {
        interarrival: exponentialSampler(1 / 0.8, streams.stream(r, 0)),
        steps: [{ duration: exponentialSampler(1, streams.stream(r, 1)) }],
        discipline: 'priority',
        classes: [
          { share: 0.3, priority: 0 },
          { share: 0.7, priority: 1 },
        ],
        random: streams.stream(r, 2),
        hooks: {
          arrive: () => {},
          depart: (t, _u, arrived, started, c) => waits[c]!.record(t, started - arrived),
        },
      };
      new QueueModel(sim, options);
      sim.run(40_000);
      green.add(waits[0]!.mean);
      ordinary.add(waits[1]!.mean);
    }
    expectWithin(green, truth[0]!, 0.1);
    expectWithin(ordinary, truth[1]!, 0.1);
  });

  it('a repeat probability p raises the mean time of a step by 1/(1 − p)', () => {
    const s = new RandomStreams(108);
    for (const [p, applies] of [
      [0.3, 1],
      [0.6, 0.5],
    ] as const) {
      const service = new Tally();
      const sim = new Simulation();
      new QueueModel(sim, {
        interarrival: constantSampler(10),
        steps: [{ duration: exponentialSampler(1, s.stream(0, 1)), probability: applies, repeat: p }],
        random: s.stream(0, 2),
        hooks: { arrive: () => {}, depart: (t, _u, _a, started) => service.record(t, t - started) },
      });
      sim.run(10 * 100_000);
      const truth = applies / (1 - p);
      expectWithin(service.moments, truth, 0.03);
    }
  });
});

describe('opening hours, computed by hand', () => {
  /** One lane open 08:00–18:00, a truck every hour from midnight, fixed service time. */
  function openingHoursCase(service: number, horizon: number) {
    const sim = new Simulation();
    const departures: string[] = [];
    new QueueModel(sim, {
      interarrival: constantSampler(1),
      firstArrival_h: 0,
      steps: [{ duration: constantSampler(service) }],
      hours: {
        steps: [
          { at_h: 8, capacity: 1 },
          { at_h: 18, capacity: 0 },
        ],
      },
      hooks: {
        arrive: () => {},
        depart: (t, _unit, arrived, started) => departures.push(`${arrived}→${started}→${t}`),
      },
    });
    sim.run(horizon);
    return departures;
  }

  it('a unit in service at 18:00 finishes; the lane takes no one else until 08:00', () => {
    // 1.5 h each: trucks that arrived at 0, 1, … start at 8, 9.5, …; the one starting at 17:00
    // finishes at 18:30 after closing; the next waits for 08:00 the next day (t = 32).
    expect(openingHoursCase(1.5, 48)).toEqual([
      '0→8→9.5',
      '1→9.5→11',
      '2→11→12.5',
      '3→12.5→14',
      '4→14→15.5',
      '5→15.5→17',
      '6→17→18.5',
      '7→32→33.5',
      '8→33.5→35',
      '9→35→36.5',
      '10→36.5→38',
      '11→38→39.5',
      '12→39.5→41',
      '13→41→42.5',
    ]);
  });

  it('a service ending exactly at 18:00 does not hand the lane to the next unit', () => {
    expect(openingHoursCase(2, 37)).toEqual([
      '0→8→10',
      '1→10→12',
      '2→12→14',
      '3→14→16',
      '4→16→18',
      '5→32→34',
      '6→34→36',
    ]);
  });
});

describe('determinism', () => {
  const run = (seed: number) => {
    const s = new RandomStreams(seed);
    const q = simulateQueue({
      interarrival: exponentialSampler(0.3, s.stream(0, 0)),
      steps: [{ duration: lognormalSampler(1, 0.5, s.stream(0, 1)), probability: 0.7, repeat: 0.1 }],
      servers: 3,
      hours: {
        steps: [
          { at_h: 6, capacity: 3 },
          { at_h: 22, capacity: 1 },
        ],
      },
      random: s.stream(0, 2),
      horizon_h: 2_000,
      warmup_h: 100,
    });
    return JSON.stringify({
      wait: q.lanes.wait.moments,
      hist: Array.from(q.lanes.wait.histogram.counts),
      queue: q.meanQueue,
      util: q.utilization,
      served: q.served,
    });
  };

  it('the same seed gives identical output; different seeds differ', () => {
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(6));
  });
});
