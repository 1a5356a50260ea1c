/**
 * One replication of a network simulation: its own random streams keyed by the seed, the replication
 * number and each element's id, the trips run over the window and drained, and what the monitors saw, as plain data.
 */

import type { CrossingHooks } from './crossing.js';
import { crossingCostUsd } from './crossing-from-network.js';
import { hasEQueue } from './e-queue-of.js';
import { Simulation } from './kernel.js';
import { LegType } from './leg-type.js';
import { RandomStreams } from './random.js';
import type { SimulationPlan } from './simulation-plan.js';
import { CrossingMonitor, type CrossingStats, type TallyResult } from './stats/crossing-monitor.js';
import type { LogHistogramOptions } from './stats/histogram.js';
import { Moments } from './stats/moments.js';
import { Tally, type TallyOptions } from './stats/tally.js';
import { TripModel, type TripObservers } from './trip-model.js';

/** Histogram layout of every simulated time: 36 s to 11 years, quantiles within 0.8 %. */
export const SIM_HISTOGRAM: LogHistogramOptions = { lowest: 0.01, highest: 1e5, precisionBits: 6 };

export interface ServiceStats {
  /** Waits from boarding to sailing, hours, of units that sailed within the window. */
  readonly wait: TallyResult;
}

export interface DemandStats {
  /** Consignments that set off within the window and arrived. */
  readonly delivered: number;
  /** Consignments that set off within the window and were still on their way when the run stopped. */
  readonly inTransit: number;
  /** Consignments that set off within the window and gave up on the way (balked or reneged). */
  readonly abandoned: number;
  /** Door-to-door time of the delivered ones, hours. */
  readonly transit: TallyResult;
  /** Means over the delivered ones of their speed with and without delay, km/h. */
  readonly swdMean: number;
  readonly swodMean: number;
}

export interface ReplicationResult {
  readonly replication: number;
  readonly events: number;
  /** When the run stopped, hours: the end of the window, or later while consignments drained. */
  readonly stopped_h: number;
  /** Per crossing of the file (null when no route uses it). */
  readonly crossings: readonly ({ total: CrossingStats; directions: (CrossingStats | null)[] } | null)[];
  /** Per service of the file (null when no route uses it). */
  readonly services: readonly (ServiceStats | null)[];
  /** Per demand of the plan. */
  readonly demands: readonly DemandStats[];
}

function tallyResult(t: Tally): TallyResult {
  return { count: t.count, mean: t.mean, histogram: t.histogram.toJSON() };
}

/**
 * What one replication observes: per crossing its monitor, per service the waits, per demand the
 * transit times and speeds. A class rather than an object of closures: its methods are the same
 * functions in every replication, so the trips' calls to them stay monomorphic and inlined from one
 * replication to the next, where new closures would throw the compiled code away ("wrong call
 * target") in the first replications of every thread.
 */
class ReplicationObservers implements TripObservers {
  readonly crossingMonitors: (CrossingMonitor | null)[];
  readonly serviceWaits: (Tally | null)[];
  readonly transit: Tally[];
  readonly swd: Moments[];
  readonly swod: Moments[];
  private readonly distance: number[];
  /** Per crossing: whether some route passes it both ways (else one set of figures: the direction's are the totals). */
  private readonly twoWay: boolean[];
  private readonly observed: TallyOptions;

  constructor(private readonly plan: SimulationPlan) {
    const model = plan.network;
    this.observed = { warmup: plan.warmup_h, end: plan.end_h, histogram: SIM_HISTOGRAM };
    this.crossingMonitors = model.crossings.map(() => null);
    this.serviceWaits = model.services.map(() => null);
    this.transit = plan.demands.map(() => new Tally({ histogram: SIM_HISTOGRAM }));
    this.swd = plan.demands.map(() => new Moments());
    this.swod = plan.demands.map(() => new Moments());
    this.distance = plan.demands.map((d) => plan.routes[d.route]!.distance_km);
    const ways = model.crossings.map(() => 0);
    for (const route of plan.routes)
      for (const leg of route.legs)
        if (leg.kind === LegType.crossing) ways[leg.element]! |= leg.reversed ? 2 : 1;
    this.twoWay = ways.map((w) => w === 3);
  }

  crossing(c: number, direction: number): CrossingHooks {
    let m = this.crossingMonitors[c];
    if (!m) {
      const entry = this.plan.network.crossings[c]!;
      m = new CrossingMonitor({
        ...this.observed,
        costOf: (cls, d) => crossingCostUsd(entry.sides[d] ?? entry.sides[0], cls),
        oneWay: !this.twoWay[c],
        booking: hasEQueue(this.plan, c),
      });
      this.crossingMonitors[c] = m;
    }
    return m.direction(direction);
  }

  diverted(c: number, direction: number, time: number): void {
    this.crossingMonitors[c]?.diverted(direction, time);
  }

  sailed(s: number, _direction: number, time: number, boardedAt: number): void {
    let t = this.serviceWaits[s];
    if (!t) {
      t = new Tally(this.observed);
      this.serviceWaits[s] = t;
    }
    t.record(time, time - boardedAt);
  }

  delivered(d: number, _time: number, hours: number, delay: number, tracked: boolean): void {
    if (!tracked) return;
    this.transit[d]!.record(0, hours);
    const km = this.distance[d]!;
    if (hours > 0) this.swd[d]!.add(km / hours);
    if (hours - delay > 0) this.swod[d]!.add(km / (hours - delay));
  }
}

/** Runs replication `replication` of the plan with the given seed. */
export function runReplication(plan: SimulationPlan, replication: number, seed: number): ReplicationResult {
  const streams = new RandomStreams(seed);
  const sim = new Simulation({ initialCapacity: 1024 });
  const observers = new ReplicationObservers(plan);
  const { crossingMonitors, serviceWaits, transit, swd, swod } = observers;
  const trips = new TripModel(
    sim,
    plan,
    (purpose, element) => streams.keyed(replication, purpose, element),
    observers,
  );
  const events = trips.run();
  const stopped = sim.now;
  return {
    replication,
    events,
    stopped_h: stopped,
    crossings: crossingMonitors.map((m) => (m ? m.result(plan.end_h) : null)),
    services: serviceWaits.map((t) => (t ? { wait: tallyResult(t) } : null)),
    demands: plan.demands.map((_, d) => ({
      delivered: transit[d]!.count,
      inTransit: trips.inTransitByDemand[d]!,
      abandoned: trips.abandonedByDemand[d]!,
      transit: tallyResult(transit[d]!),
      swdMean: swd[d]!.count > 0 ? swd[d]!.mean : Number.NaN,
      swodMean: swod[d]!.count > 0 ? swod[d]!.mean : Number.NaN,
    })),
  };
}
