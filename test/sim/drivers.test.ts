/**
 * Drivers at a crossing against independent truth: M/M/1 with balking on the expected wait and
 * M/M/1+M (Erlang A, reneging with exponential patience), both as birth–death chains solved
 * numerically; and the conservation of units with an e-queue backlog, balking, reneging and a starting
 * backlog.
 */
import { describe, expect, it } from 'vitest';
import type { CrossingSide } from '../../src/network/compile.js';
import { arrivalProcess } from '../../src/sim/arrival-process.js';
import { BorderCrossing } from '../../src/sim/crossing.js';
import { crossingOptions } from '../../src/sim/crossing-from-network.js';
import { Simulation } from '../../src/sim/kernel.js';
import { RandomStreams } from '../../src/sim/random.js';
import { Moments } from '../../src/sim/stats/moments.js';
import { TimeAverage } from '../../src/sim/stats/time-average.js';
import { crossingClient, crossingHooks } from './helpers/crossing-hooks.js';
import { crossingSide } from './helpers/crossing-side.js';
import { birthDeathStationary } from './helpers/queueing-formulas.js';
import { expectWithin4Se } from './helpers/within.js';

/** One lane, exponential clearance of mean 1 h (μ = 1 an hour), round the clock, with these drivers. */
function mm1(drivers: Record<string, unknown>): CrossingSide {
  return crossingSide({ steps: [{ name: 'clearance', time: 'exp(mean=1h)' }], drivers });
}

interface Run {
  /** Time-average units waiting at the border over the window. */
  readonly queueMean: number;
  readonly arrived: number;
  readonly balked: number;
  readonly reneged: number;
}

/** Poisson arrivals at `lambda` an hour to the crossing over [warmup, end], hours; balkers are turned away. */
function run(side: CrossingSide, lambda: number, replication: number, warmup: number, end: number): Run {
  const streams = new RandomStreams(9);
  const sim = new Simulation();
  const queue = new TimeAverage({ warmup, end });
  let arrived = 0;
  let balked = 0;
  let reneged = 0;
  const inWindow = (t: number) => t >= warmup && t < end;
  const hooks = crossingHooks({
    queue: (t, length) => queue.update(t, length),
    balked: (t) => {
      if (inWindow(t)) balked++;
    },
    reneged: (t) => {
      if (inWindow(t)) reneged++;
    },
  });
  const crossing = new BorderCrossing(sim, crossingClient(), {
    ...crossingOptions(side, { keyed: (purpose, key) => streams.keyed(replication, purpose, key) }),
    hooks,
  });
  const arrivals = arrivalProcess('poisson', lambda, streams.keyed(replication, 'arrivals', 'x'));
  const kind = sim.handler('reach', () => {
    if (inWindow(sim.now)) arrived++;
    if (!crossing.balks()) crossing.arrive(0);
    sim.scheduleAt(arrivals.next(sim.now), kind);
  });
  sim.scheduleAt(arrivals.next(0), kind);
  sim.run(end);
  return { queueMean: queue.mean(end), arrived, balked, reneged };
}

const N = 400;
const queueOf = (pi: number[]) => pi.reduce((s, p, n) => s + Math.max(0, n - 1) * p, 0);

describe('drivers at a crossing', () => {
  it('M/M/1 with balking: mean queue and balking share as the birth–death chain gives them', () => {
    // An arrival finding n ≥ 1 units present expects a wait of n / μ and joins when its threshold
    // T ~ exp(mean θ) is above it: birth rate λ·e^(−n/(μθ)), death rate μ (PASTA for the share).
    const lambda = 1.5;
    const mu = 1;
    const theta = 3;
    const join = (n: number) => (n === 0 ? 1 : Math.exp(-n / (mu * theta)));
    const pi = birthDeathStationary(
      (n) => lambda * join(n),
      () => mu,
      N,
    );
    const truthQueue = queueOf(pi);
    const truthBalked = pi.reduce((s, p, n) => s + p * (1 - join(n)), 0);
    const side = mm1({ balk_above_wait: `exp(mean=${theta}h)` });
    const queue = new Moments();
    const share = new Moments();
    for (let r = 0; r < 20; r++) {
      const x = run(side, lambda, r, 200, 20_200);
      queue.add(x.queueMean);
      share.add(x.balked / x.arrived);
    }
    expectWithin4Se(queue, truthQueue, 0.05);
    expectWithin4Se(share, truthBalked, 0.05);
  });

  it('M/M/1+M (Erlang A): mean queue and abandonment share as the birth–death chain gives them', () => {
    // Each waiting unit leaves at rate γ = 1/patience: death rate μ + (n − 1)γ with n ≥ 1 present; the
    // share that abandons is γ·Lq / λ. Overloaded (λ > μ), which only patience keeps stable.
    const lambda = 1.3;
    const mu = 1;
    const gamma = 0.25;
    const pi = birthDeathStationary(
      () => lambda,
      (n) => mu + (n - 1) * gamma,
      N,
    );
    const truthQueue = queueOf(pi);
    const truthAbandoned = (gamma * truthQueue) / lambda;
    const side = mm1({ patience: `exp(mean=${1 / gamma}h)` });
    const queue = new Moments();
    const share = new Moments();
    for (let r = 0; r < 20; r++) {
      const x = run(side, lambda, r, 200, 20_200);
      queue.add(x.queueMean);
      share.add(x.reneged / x.arrived);
    }
    expectWithin4Se(queue, truthQueue, 0.05);
    expectWithin4Se(share, truthAbandoned, 0.05);
  });

  it('accounts for every unit with an e-queue backlog, balking, reneging and a starting backlog', () => {
    const side = crossingSide({
      lanes: 2,
      hours: 'daily 08:00-20:00',
      steps: [{ name: 'clearance', time: 'exp(mean=30min)' }],
      quota_units_per_day: 30,
      drivers: { e_queue: true, balk_above_wait: 'uniform(1d, 3d)', patience: 'exp(mean=2d)' },
    });
    const streams = new RandomStreams(3);
    const sim = new Simulation();
    let cleared = 0;
    let reneged = 0;
    let balked = 0;
    const crossing = new BorderCrossing(
      sim,
      crossingClient({ cleared: () => cleared++, gaveUp: () => reneged++ }),
      crossingOptions(side, { keyed: (p, k) => streams.keyed(0, p, k) }, { slot_h: 1, share: 1 }),
    );
    crossing.preload(100, -1);
    expect(crossing.booked).toBe(100);
    const arrivals = arrivalProcess('poisson', 50 / 24, streams.keyed(0, 'arrivals', 'x'));
    const kind = sim.handler('reach', () => {
      if (crossing.balks()) balked++;
      else crossing.arrive(0);
      sim.scheduleAt(arrivals.next(sim.now), kind);
    });
    sim.scheduleAt(arrivals.next(0), kind);
    sim.run(24 * 60);
    expect(balked).toBeGreaterThan(0);
    expect(reneged).toBeGreaterThan(0);
    // the backlog is called forward at the quota: 30 a day, spread over the open hours
    expect(cleared / 60).toBeGreaterThan(27);
    expect(cleared / 60).toBeLessThanOrEqual(30.5);
    expect(crossing.reached).toBe(
      cleared + reneged + crossing.booked + crossing.queueLength + crossing.lanes.busy,
    );
  });
});
