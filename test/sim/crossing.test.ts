/**
 * The crossing model against independent truth: Little's law, opening hours and quotas by hand, the
 * geometric factor of repeats, Cobham's priority waits, and the conservation of e-queue waits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/model/load.js';
import { compileNetwork } from '../../src/network/compile.js';
import { AppointmentBook } from '../../src/sim/appointment-book.js';
import { arrivalProcess } from '../../src/sim/arrival-process.js';
import { BorderCrossing, type CrossingOptions } from '../../src/sim/crossing.js';
import { crossingOptions, meanClearanceH } from '../../src/sim/crossing-from-network.js';
import { crossingTimetable } from '../../src/sim/crossing-hours.js';
import { Simulation } from '../../src/sim/kernel.js';
import { RandomStreams, zeroUniform } from '../../src/sim/random.js';
import { exponentialSampler } from '../../src/sim/sample/exponential.js';
import { CrossingMonitor } from '../../src/sim/stats/crossing-monitor.js';
import { Moments } from '../../src/sim/stats/moments.js';
import { Tally } from '../../src/sim/stats/tally.js';
import { TimeAverage } from '../../src/sim/stats/time-average.js';
import { DEFAULT } from '../helpers.js';
import { crossingClient, crossingHooks } from './helpers/crossing-hooks.js';
import { crossingSide } from './helpers/crossing-side.js';
import { cobhamWaits } from './helpers/queueing-formulas.js';
import { expectWithin4Se } from './helpers/within.js';

interface Passage {
  readonly token: number;
  readonly reached: number;
  readonly queued: number;
  readonly started: number;
  readonly left: number;
  readonly priorityClass: number;
}

/** A crossing with hooks that keep every passage and the number of units present over time. */
function observed(sim: Simulation, options: CrossingOptions, warmup = 0) {
  const passages: Passage[] = [];
  const present = new TimeAverage({ warmup });
  let inside = 0;
  const hooks = crossingHooks({
    reach: (t) => present.update(t, ++inside),
    cleared: (t, token, reached, queued, started, priorityClass) => {
      present.update(t, --inside);
      passages.push({ token, reached, queued, started, left: t, priorityClass });
    },
  });
  const crossing = new BorderCrossing(sim, crossingClient(), { ...options, hooks });
  return { crossing, passages, present };
}

/** Units reaching the crossing at the given times. */
function feed(sim: Simulation, crossing: BorderCrossing, times: readonly number[]) {
  const kind = sim.handler('reach', (token) => crossing.arrive(token));
  for (const [token, t] of times.entries()) sim.scheduleAt(t, kind, token);
}

const expectWithin = expectWithin4Se;

describe('a crossing of the dataset', () => {
  const model = parseNetwork(readFileSync(DEFAULT, 'utf8')).model!;
  const net = compileNetwork(model);
  const nurZholy = net.crossings.find((c) => c.id === 'nur-zholy-khorgos')!.sides[0];

  it("obeys Little's law, L = λW, for the units present and for the border queue", () => {
    // Nur Zholy as in the file (12-hour day, quota, six steps with probabilities and a repeat) fed
    // with Poisson arrivals below its capacity, so that the queue is stable.
    const streams = new RandomStreams(201);
    const sim = new Simulation();
    const warmup = 24 * 7;
    const end = 24 * 400;
    const { crossing, passages, present } = observed(
      sim,
      crossingOptions(nurZholy, streams.stream(0, 1)),
      warmup,
    );
    const arrivals = arrivalProcess('poisson', 300 / 24, streams.stream(0, 0));
    const kind = sim.handler('reach', () => {
      crossing.arrive(0);
      sim.scheduleAt(arrivals.next(sim.now), kind);
    });
    sim.scheduleAt(arrivals.next(0), kind);
    const queue = new TimeAverage({ warmup });
    sim.run(end);
    // the border queue's time average, from the passages (a unit is queued from `queued` to `started`)
    const changes: [number, number][] = [];
    for (const p of passages) changes.push([p.queued, 1], [p.started, -1]);
    changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let length = 0;
    for (const [t, d] of changes) queue.update(t, (length += d));
    const counted = passages.filter((p) => p.reached >= warmup);
    const lambda = counted.length / (end - warmup);
    const w = counted.reduce((s, p) => s + (p.left - p.reached), 0) / counted.length;
    const wq = counted.reduce((s, p) => s + (p.started - p.queued), 0) / counted.length;
    expect(present.mean(end) / (lambda * w)).toBeCloseTo(1, 2);
    expect(queue.mean(end) / (lambda * wq)).toBeCloseTo(1, 2);
    // and the waits are real: the 12-hour day makes trucks arriving at night wait for the morning
    expect(wq).toBeGreaterThan(2);
  });
});

describe('opening hours, computed by hand', () => {
  /** One lane open 08:00–18:00 local time, a truck every hour from midnight UTC, a fixed clearance. */
  function hoursCase(time: string, tz: string, horizon: number) {
    const sim = new Simulation();
    const c = crossingSide({ hours: 'daily 08:00-18:00', tz, steps: [{ name: 'clearance', time }] });
    const { crossing, passages } = observed(sim, crossingOptions(c, zeroUniform));
    feed(
      sim,
      crossing,
      Array.from({ length: 24 }, (_, i) => i),
    );
    sim.run(horizon);
    return passages.map((p) => `${p.reached}→${p.started}→${p.left}`);
  }

  it('a single lane closing at 18:00 finishes the unit in service and takes no one else until 08:00', () => {
    // 1.5 h each: units that came at 0, 1, … start at 8, 9.5, …; the one starting at 17:00 leaves at
    // 18:30, after closing; the next starts at 08:00 the next day (t = 32).
    expect(hoursCase('const(1.5h)', 'UTC', 38)).toEqual([
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
    ]);
  });

  it('reads the hours in the crossing’s time zone: 08:00 at UTC+05:00 is 03:00 UTC', () => {
    expect(hoursCase('2h', 'UTC+05:00', 30)).toEqual([
      '0→3→5',
      '1→5→7',
      '2→7→9',
      '3→9→11',
      '4→11→13',
      '5→27→29',
    ]);
  });

  it('turns a weekly calendar into a timetable of open lanes', () => {
    const t = crossingTimetable(
      { alwaysOpen: false, intervals: [0, 1, 2, 3, 4].map((d) => [d * 24 + 10, d * 24 + 18] as const) },
      4,
      8,
    );
    expect(t.period_h).toBe(168);
    expect(t.offset_h).toBe(8);
    expect(t.steps.slice(0, 4)).toEqual([
      { at_h: 10, capacity: 4 },
      { at_h: 18, capacity: 0 },
      { at_h: 34, capacity: 4 },
      { at_h: 42, capacity: 0 },
    ]);
    expect(t.steps).toHaveLength(10);
  });
});

describe('clearance steps', () => {
  it('a repeat probability p raises the mean time of a step by 1/(1 − p), and a probability q scales it by q', () => {
    // step 1: exp(1 h), always, repeated with p = 0.3 → 1/0.7; step 2: exp(2 h), for half the units,
    // repeated with p = 0.6 → 0.5 × 2/0.4. Truth: 1.4286 + 2.5 = 3.9286 h.
    const truth = 1 / 0.7 + (0.5 * 2) / 0.4;
    const c = crossingSide({
      lanes: 1000,
      steps: [
        { name: 'documents', time: 'exp(mean=1h)', repeat: 0.3 },
        { name: 'inspection', time: 'exp(mean=2h)', probability: 0.5, repeat: 0.6 },
      ],
    });
    expect(meanClearanceH(c)).toBeCloseTo(truth, 12);
    const streams = new RandomStreams(202);
    const means = new Moments();
    for (let r = 0; r < 20; r++) {
      const sim = new Simulation();
      const { crossing, passages } = observed(sim, crossingOptions(c, streams.stream(r, 0)));
      feed(
        sim,
        crossing,
        Array.from({ length: 5000 }, (_, i) => i * 0.5),
      );
      sim.run();
      means.add(passages.reduce((s, p) => s + (p.left - p.started), 0) / passages.length);
    }
    expectWithin(means, truth, 0.02);
  });
});

describe('daily quota, computed by hand', () => {
  function quotaCase(quota: number, tz: string, count: number, time = '1h', horizon = 200) {
    const sim = new Simulation();
    const c = crossingSide({ quota_units_per_day: quota, tz, steps: [{ name: 'clearance', time }] });
    const { crossing, passages } = observed(sim, crossingOptions(c, zeroUniform));
    feed(sim, crossing, new Array(count).fill(0));
    sim.run(horizon);
    return passages.map((p) => p.started);
  }

  it('admits the quota, then closes the lanes until local midnight', () => {
    // 1 lane, 1 h each, 3 a day: five units at midnight start at 0, 1, 2, then 24, 25.
    expect(quotaCase(3, 'UTC', 5)).toEqual([0, 1, 2, 24, 25]);
    // at UTC+05:00 the local day ends at 19:00 UTC
    expect(quotaCase(3, 'UTC+05:00', 5)).toEqual([0, 1, 2, 19, 20]);
  });

  it('spreads a quota that is not a whole number over the days: 2.5 a day admits 2, 3, 2, 3', () => {
    const starts = quotaCase(2.5, 'UTC', 10, '1min', 24 * 4);
    const perDay = [0, 1, 2, 3].map((d) => starts.filter((t) => t >= 24 * d && t < 24 * (d + 1)).length);
    expect(perDay).toEqual([2, 3, 2, 3]);
  });
});

describe('a priority class (green lane, paid out-of-turn passage)', () => {
  it("waits as Cobham's formula says, and so do the others", () => {
    // M/M/1, λ = 0.8, μ = 1, 30 % in the priority class
    const truth = cobhamWaits([
      { lambda: 0.24, mean: 1, secondMoment: 2 },
      { lambda: 0.56, mean: 1, secondMoment: 2 },
    ]);
    const streams = new RandomStreams(203);
    const waits = [new Moments(), new Moments()];
    for (let r = 0; r < 20; r++) {
      const sim = new Simulation();
      const tallies = [new Tally({ warmup: 2000 }), new Tally({ warmup: 2000 })];
      const options: CrossingOptions = {
        lanes: 1,
        steps: [{ duration: exponentialSampler(1, streams.stream(r, 1)) }],
        priorityShare: 0.3,
        random: streams.stream(r, 2),
        hooks: crossingHooks({
          cleared: (t, _token, _reached, queued, started, cls) => tallies[cls]!.record(t, started - queued),
        }),
      };
      const crossing = new BorderCrossing(sim, crossingClient(), options);
      const arrivals = arrivalProcess('poisson', 0.8, streams.stream(r, 0));
      const kind = sim.handler('reach', () => {
        crossing.arrive(0);
        sim.scheduleAt(arrivals.next(sim.now), kind);
      });
      sim.scheduleAt(arrivals.next(0), kind);
      sim.run(40_000);
      waits[0]!.add(tallies[0]!.mean);
      waits[1]!.add(tallies[1]!.mean);
    }
    expectWithin(waits[0]!, truth[0]!, 0.1);
    expectWithin(waits[1]!, truth[1]!, 0.1);
  });
});

describe('an appointment queue (e-queue)', () => {
  it('calls the backlog forward in arrival order at a rate that is kept exactly: 2.5 an hour gives 2, 3, 2, 3', () => {
    const sim = new Simulation();
    const released: number[] = [];
    const book = new AppointmentBook(sim, () => released.push(sim.now), { perHour: 2.5 });
    const atOnce = Array.from({ length: 10 }, (_, u) => book.join(u, u));
    expect(atOnce).toEqual([true, true, ...Array(8).fill(false)]);
    expect(book.waiting).toBe(8);
    sim.run();
    expect([0, 0, ...released]).toEqual([0, 0, 1, 1, 1, 2, 2, 3, 3, 3]);

    const night = new Simulation();
    const times: number[] = [];
    const closedAtNight = new AppointmentBook(night, () => times.push(night.now), {
      perHour: 1,
      isOpen: (t) => t % 24 >= 8,
    });
    expect(closedAtNight.join(0, 0)).toBe(false);
    night.schedule(
      5.5,
      night.handler('second', () => closedAtNight.join(1, 1)),
    );
    night.run();
    expect(times).toEqual([8, 9]);
  });

  it('gives a place left by a unit that gave up to the next one in the backlog', () => {
    const sim = new Simulation();
    const released: number[] = [];
    const gone = new Set<number>();
    const book = new AppointmentBook(sim, (u) => released.push(u), {
      perHour: 1,
      stillWaiting: (u) => !gone.has(u),
    });
    for (let u = 0; u < 4; u++) book.join(u, u);
    gone.add(1);
    book.cancel();
    expect(book.waiting).toBe(2);
    sim.run();
    expect(released).toEqual([2, 3]);
  });

  it('moves the wait off the border: booked + border wait = total wait, and every unit is accounted for', () => {
    // An overloaded 12-hour crossing: without an e-queue the trucks queue at the border; with it they
    // wait for their slot elsewhere, and the border queue stays short.
    const c = crossingSide({
      lanes: 2,
      hours: 'daily 08:00-20:00',
      steps: [{ name: 'clearance', time: 'exp(mean=30min)' }],
    });
    const run = (withBooking: boolean) => {
      const streams = new RandomStreams(204);
      const sim = new Simulation();
      const monitor = new CrossingMonitor({ warmup: 24 * 7, end: 24 * 60 });
      const options = crossingOptions(
        c,
        streams.stream(0, 1),
        withBooking ? { slot_h: 1, share: 0.95 } : undefined,
      );
      let cleared = 0;
      const crossing = new BorderCrossing(sim, crossingClient({ cleared: () => cleared++ }), {
        ...options,
        hooks: monitor.direction(0),
      });
      const arrivals = arrivalProcess('poisson', 40 / 24, streams.stream(0, 0));
      const kind = sim.handler('reach', () => {
        crossing.arrive(0);
        sim.scheduleAt(arrivals.next(sim.now), kind);
      });
      sim.scheduleAt(arrivals.next(0), kind);
      sim.run(24 * 60);
      // conservation of units: reached = cleared + holding a slot + queued at the border + in service
      expect(crossing.reached).toBe(cleared + crossing.booked + crossing.queueLength + crossing.lanes.busy);
      if (withBooking) expect(crossing.booked).toBeGreaterThan(0);
      return monitor.result(24 * 60).total;
    };
    const booked = run(true);
    const plain = run(false);
    expect(booked.wait.count).toBeGreaterThan(500);
    expect(booked.bookedWait.mean + booked.borderWait.mean).toBeCloseTo(booked.wait.mean, 9);
    // measured: booked 7.0 h + border 0.9 h; border queue 1.6 on average (10.1 without the e-queue)
    expect(booked.bookedWait.mean).toBeGreaterThan(5 * booked.borderWait.mean);
    expect(booked.queueMean).toBeLessThan(plain.queueMean / 4);
    expect(plain.bookedWait.mean).toBe(0);
    expect(plain.borderWait.mean).toBeCloseTo(plain.wait.mean, 12);
  });

  it('a one-way monitor, or one told there is no e-queue, gives what a two-way monitor recording everything gives', () => {
    const c = crossingSide({
      lanes: 2,
      hours: 'daily 08:00-20:00',
      steps: [{ name: 'clearance', time: 'exp(mean=30min)' }],
    });
    const run = (oneWay: boolean, booking = true) => {
      const streams = new RandomStreams(205);
      const sim = new Simulation();
      const monitor = new CrossingMonitor({ warmup: 24, end: 24 * 20, oneWay, booking });
      const options = crossingOptions(c, streams.stream(0, 1));
      const crossing = new BorderCrossing(sim, crossingClient(), { ...options, hooks: monitor.direction(0) });
      const arrivals = arrivalProcess('poisson', 30 / 24, streams.stream(0, 0));
      const kind = sim.handler('reach', () => {
        crossing.arrive(0);
        sim.scheduleAt(arrivals.next(sim.now), kind);
      });
      sim.scheduleAt(arrivals.next(0), kind);
      sim.run(24 * 20);
      if (oneWay) expect(() => monitor.direction(1)).toThrow(/one direction/);
      return monitor.result(24 * 20);
    };
    const two = run(false);
    const one = run(true);
    expect(two.total.served).toBeGreaterThan(300);
    expect(JSON.stringify(one.directions[0])).toBe(JSON.stringify(two.directions[0]));
    expect(JSON.stringify(one.total)).toBe(JSON.stringify(two.directions[0]));
    expect(JSON.stringify(two.total)).toBe(JSON.stringify(two.directions[0]));
    // without an e-queue the border wait is the wait and the booked wait is zeros: derived, not recorded
    const derived = run(true, false);
    expect(JSON.stringify(derived.total)).toBe(JSON.stringify(two.directions[0]));
    expect(two.total.bookedWait.count).toBe(two.total.wait.count);
  });
});
