/**
 * What a Monte Carlo run reports, as JSON-ready data: per crossing waits, TFI1, cost, throughput and
 * queue; per origin–destination pair door-to-door time, SWD and SWOD; merged in replication order.
 */

import { hasEQueue } from './e-queue-of.js';
import { LegType } from './leg-type.js';
import { annualMean } from './month-calendar.js';
import type { ReplicationResult } from './replication.js';
import { SIM_HISTOGRAM } from './replication.js';
import { sailingShareOver } from './service-from-network.js';
import type { SimulationPlan } from './simulation-plan.js';
import { confidenceInterval } from './stats/confidence-interval.js';
import type { CrossingStats, TallyResult } from './stats/crossing-monitor.js';
import { LogHistogram } from './stats/histogram.js';
import { Moments } from './stats/moments.js';
import { nonStationary } from './stats/non-stationarity.js';
import { type Estimate, ReplicationSummary } from './stats/replication-summary.js';

/** An estimate as JSON: hours (or the quantity's unit); null where nothing was observed. */
export interface EstimateJson {
  /** Mean over replications of each replication's mean. */
  readonly mean: number | null;
  /**
   * 95 % confidence interval of that mean (Student's t over replications), its lower end cut at 0 since
   * every quantity reported is ≥ 0; null with one replication.
   */
  readonly ci95: readonly [number, number] | null;
  /** Quantiles and maximum of all observations pooled. */
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p95: number | null;
  readonly max: number | null;
}

export interface CrossingFlowJson {
  /** Wait from reaching the crossing to getting a lane (e-queue and border together), hours. */
  readonly wait_h: EstimateJson;
  /** TFI1: time to clear the crossing, from reaching its queue to leaving it, hours. */
  readonly tfi1_h: EstimateJson;
  /** Units cleared after the warm-up, summed over replications. */
  readonly served: number;
  /** Units that reached the crossing after the warm-up (those that balked included), summed over replications. */
  readonly arrived: number;
  /** Units that arrived, found the expected wait above their threshold and did not join, summed. */
  readonly balked: number;
  /** Units that gave up waiting (their patience ran out), summed over replications. */
  readonly reneged: number;
  /** `balked` and `reneged` as shares of `arrived` (null when nothing arrived). */
  readonly balked_share: number | null;
  readonly reneged_share: number | null;
  /** Units cleared per day (mean over replications). */
  readonly throughput_per_day: number | null;
  /**
   * Measured growth of the units at the crossing (backlog, border queue, in service) over the
   * observation window, per day: arrived − balked − reneged − cleared over the window's days, mean
   * over replications. Above zero, the queue grows (demand exceeds capacity).
   */
  readonly queue_growth_per_day: number | null;
  /** 95 % confidence interval of that growth over replications (Student's t); null with one replication. */
  readonly queue_growth_per_day_ci95: readonly [number, number] | null;
  /**
   * The queue does not settle: its growth's interval excludes 0 (with one replication: no interval,
   * the growth alone) and the growth is material, above half a unit a day and 1 % of the throughput.
   * The mean wait then depends on the length of the run and is not a steady-state wait.
   */
  readonly non_stationary: boolean;
  /** Share of the open lane-hours in use (mean over replications). */
  readonly utilization: number | null;
  /** Units waiting at the border: time average (mean over replications) and the largest seen. */
  readonly queue: { readonly mean: number | null; readonly max: number | null };
}

export interface CrossingJson extends CrossingFlowJson {
  readonly name: string;
  readonly mode: string;
  /** Units sent to another crossing of the same border by a long queue, summed over replications. */
  readonly diverted: number;
  /** TFI2-like: USD a cleared unit paid (fees, gauge change, priority fee), mean. */
  readonly cost_usd_per_unit: number | null;
  /** With an appointment queue: waits for the slot (off the border) and at the border. */
  readonly booked_wait_h?: EstimateJson;
  readonly border_wait_h?: EstimateJson;
  /** Units holding a slot, time average. */
  readonly booked?: { readonly mean: number | null };
  /** Each direction used, `<from>-><to>` by node id. */
  readonly directions: Record<string, CrossingFlowJson>;
}

export interface OdJson {
  readonly demands: readonly string[];
  /** What one simulated consignment is, and its tonnes. */
  readonly unit: string;
  readonly unit_t: number;
  /** The corridor that carries most of it, and its nodes. */
  readonly corridor: string;
  /**
   * Every corridor the pair's demand goes by, largest share first: the loaded network splits a
   * demand over paths, and the simulation sends each share through its crossings.
   */
  readonly paths: readonly {
    readonly corridor: string;
    /** The ids of the crossings it passes, in order. */
    readonly crossings: readonly string[];
    readonly share: number;
  }[];
  readonly route: readonly string[];
  readonly distance_km: number;
  /** Door-to-door time of consignments that set off after the warm-up, hours. */
  readonly transit_h: EstimateJson;
  /** Those consignments that arrived, summed over replications. */
  readonly delivered: number;
  /** Those still on their way when the run stopped (stuck behind a growing queue), summed. */
  readonly in_transit_at_end: number;
  /** Those that gave up on the way (balked with no other route, or reneged at a crossing), summed. */
  readonly abandoned: number;
  /** CPMM speed with delay (distance over the whole time) and without (over the time moving), km/h. */
  readonly swd_kmh: number | null;
  readonly swod_kmh: number | null;
}

export interface ServiceJson {
  readonly name: string;
  /** Wait from boarding to sailing, hours. */
  readonly wait_h: EstimateJson;
}

export interface SimulationResult {
  readonly network: string | null;
  readonly replications: number;
  readonly seed: number;
  readonly days: number;
  readonly warmup_days: number;
  readonly drain_days: number;
  /** Crossings with an appointment queue; the queue length that makes a unit divert (null: never). */
  readonly appointments: readonly string[];
  readonly divert_queue: number | null;
  /** Events handled, summed over replications. */
  readonly events: number;
  readonly crossings: Record<string, CrossingJson>;
  readonly od: Record<string, OdJson>;
  readonly services: Record<string, ServiceJson>;
  readonly warnings: readonly string[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function estimateJson(e: Estimate): EstimateJson {
  return {
    mean: finite(e.mean),
    ci95: e.ci95 && Number.isFinite(e.ci95[0]) ? [Math.max(0, e.ci95[0]), e.ci95[1]] : null,
    p50: finite(e.p50),
    p90: finite(e.p90),
    p95: finite(e.p95),
    max: finite(e.max),
  };
}

/** Means over the replications that gave a number. */
class MeanOver {
  private readonly m = new Moments();
  add(x: number): void {
    if (Number.isFinite(x)) this.m.add(x);
  }
  get value(): number | null {
    return this.m.count > 0 ? this.m.mean : null;
  }
}

class FlowAccumulator {
  readonly wait = new ReplicationSummary(SIM_HISTOGRAM);
  readonly tfi1 = new ReplicationSummary(SIM_HISTOGRAM);
  readonly booked = new ReplicationSummary(SIM_HISTOGRAM);
  readonly border = new ReplicationSummary(SIM_HISTOGRAM);
  readonly throughput = new MeanOver();
  readonly growth = new Moments();
  readonly utilization = new MeanOver();
  readonly queue = new MeanOver();
  readonly bookedCount = new MeanOver();
  readonly cost = new MeanOver();
  queueMax = Number.NaN;
  served = 0;
  arrived = 0;
  balked = 0;
  reneged = 0;
  diverted = 0;

  add(s: CrossingStats, windowDays: number): void {
    const tally = (into: ReplicationSummary, t: TallyResult) => into.add(t.mean, t.histogram);
    tally(this.wait, s.wait);
    tally(this.tfi1, s.tfi1);
    tally(this.booked, s.bookedWait);
    tally(this.border, s.borderWait);
    this.throughput.add(s.served / windowDays);
    this.growth.add((s.reached - s.reneged - s.served) / windowDays);
    this.utilization.add(s.openLaneHours > 0 ? s.busyLaneHours / s.openLaneHours : Number.NaN);
    this.queue.add(s.queueMean);
    this.bookedCount.add(s.bookedMean);
    this.cost.add(s.costMean);
    if (!(s.queueMax <= this.queueMax)) this.queueMax = s.queueMax;
    this.served += s.served;
    this.arrived += s.reached + s.balked;
    this.balked += s.balked;
    this.reneged += s.reneged;
    this.diverted += s.diverted;
  }

  flow(): CrossingFlowJson {
    const growth = this.growth.count > 0 ? this.growth.mean : null;
    const ci = confidenceInterval(this.growth);
    const throughput = this.throughput.value;
    return {
      wait_h: estimateJson(this.wait.result()),
      tfi1_h: estimateJson(this.tfi1.result()),
      served: this.served,
      arrived: this.arrived,
      balked: this.balked,
      reneged: this.reneged,
      balked_share: this.arrived > 0 ? this.balked / this.arrived : null,
      reneged_share: this.arrived > 0 ? this.reneged / this.arrived : null,
      throughput_per_day: throughput,
      queue_growth_per_day: growth,
      queue_growth_per_day_ci95: ci,
      non_stationary: nonStationary(growth, ci, throughput),
      utilization: this.utilization.value,
      queue: { mean: this.queue.value, max: finite(this.queueMax) },
    };
  }
}

/** Adds up replications, in replication order, into a {@link SimulationResult}. */
export class ResultMerger {
  private readonly plan: SimulationPlan;
  private readonly crossings: (FlowAccumulator | null)[];
  private readonly directions: (FlowAccumulator | null)[][];
  private readonly services: (ReplicationSummary | null)[];
  private readonly odKeys: string[];
  private readonly od = new Map<
    string,
    {
      demands: number[];
      transit: ReplicationSummary;
      swd: MeanOver;
      swod: MeanOver;
      delivered: number;
      inTransit: number;
      abandoned: number;
    }
  >();
  private readonly windowDays: number;
  private replications = 0;
  private events = 0;
  /** A pair's observations in one replication, its demands' histograms pooled (cleared for each). */
  private readonly scratch = new LogHistogram(SIM_HISTOGRAM);

  constructor(plan: SimulationPlan) {
    this.plan = plan;
    const model = plan.network;
    this.crossings = model.crossings.map(() => null);
    this.directions = model.crossings.map(() => [null, null]);
    this.services = model.services.map(() => null);
    this.windowDays = (plan.end_h - plan.warmup_h) / 24;
    // A pair's consignments of another unit than its first (a demand split over rail and road) are
    // counted apart, under `<from>-><to>:<unit>`, so that a count never adds trains to trucks.
    const firstUnit = new Map<string, string>();
    plan.demands.forEach((d, i) => {
      if (!firstUnit.has(d.od)) firstUnit.set(d.od, d.unit);
      const key = firstUnit.get(d.od) === d.unit ? d.od : `${d.od}:${d.unit}`;
      let entry = this.od.get(key);
      if (!entry) {
        entry = {
          demands: [],
          transit: new ReplicationSummary(SIM_HISTOGRAM),
          swd: new MeanOver(),
          swod: new MeanOver(),
          delivered: 0,
          inTransit: 0,
          abandoned: 0,
        };
        this.od.set(key, entry);
      }
      entry.demands.push(i);
    });
    this.odKeys = [...this.od.keys()];
  }

  add(r: ReplicationResult): void {
    if (r.replication !== this.replications)
      throw new Error(`replication ${r.replication} merged out of order (expected ${this.replications})`);
    this.replications++;
    this.events += r.events;
    r.crossings.forEach((c, i) => {
      if (!c) return;
      (this.crossings[i] ??= new FlowAccumulator()).add(c.total, this.windowDays);
      c.directions.forEach((d, k) => {
        if (d) (this.directions[i]![k] ??= new FlowAccumulator()).add(d, this.windowDays);
      });
    });
    r.services.forEach((s, i) => {
      if (s) (this.services[i] ??= new ReplicationSummary(SIM_HISTOGRAM)).add(s.wait.mean, s.wait.histogram);
    });
    const pooled = this.scratch;
    for (const entry of this.od.values()) {
      pooled.clear();
      let count = 0;
      let sum = 0;
      let swd = 0;
      let swod = 0;
      let swodCount = 0;
      for (const i of entry.demands) {
        const d = r.demands[i]!;
        pooled.merge(d.transit.histogram);
        if (d.delivered > 0) {
          count += d.delivered;
          sum += d.transit.mean * d.delivered;
          swd += d.swdMean * d.delivered;
          if (Number.isFinite(d.swodMean)) {
            swod += d.swodMean * d.delivered;
            swodCount += d.delivered;
          }
        }
        entry.delivered += d.delivered;
        entry.inTransit += d.inTransit;
        entry.abandoned += d.abandoned;
      }
      entry.transit.add(count > 0 ? sum / count : Number.NaN, pooled.toJSON());
      entry.swd.add(count > 0 ? swd / count : Number.NaN);
      entry.swod.add(swodCount > 0 ? swod / swodCount : Number.NaN);
    }
  }

  /** The merged figures; `crossings` limits the crossings (by index) and the pairs shown to those using them. */
  result(options: {
    seed: number;
    crossings?: readonly number[] | undefined;
    network?: string | undefined;
  }): SimulationResult {
    const plan = this.plan;
    const model = plan.network;
    const shown = options.crossings ? new Set(options.crossings) : null;
    const crossings: Record<string, CrossingJson> = {};
    model.crossings.forEach((c, i) => {
      const acc = this.crossings[i];
      if (!acc || (shown && !shown.has(i))) return;
      const directions: Record<string, CrossingFlowJson> = {};
      this.directions[i]!.forEach((d, k) => {
        if (d) directions[k === 0 ? `${c.from}->${c.to}` : `${c.to}->${c.from}`] = d.flow();
      });
      const withBooking = hasEQueue(plan, i);
      crossings[c.id] = {
        name: c.name,
        mode: c.mode,
        ...acc.flow(),
        diverted: acc.diverted,
        cost_usd_per_unit: acc.cost.value,
        ...(withBooking
          ? {
              booked_wait_h: estimateJson(acc.booked.result()),
              border_wait_h: estimateJson(acc.border.result()),
              booked: { mean: acc.bookedCount.value },
            }
          : {}),
        directions,
      };
    });
    const od: Record<string, OdJson> = {};
    for (const key of this.odKeys) {
      const entry = this.od.get(key)!;
      // Shares by the crossings each route passes (two routes may carry one corridor name).
      const tonnes = new Map<string, { route: number; tPerH: number }>();
      for (const i of entry.demands) {
        const d = plan.demands[i]!;
        const key = this.routeCrossings(d.route).join('+');
        const t = d.lotsPerHour * d.lot_t;
        const x = tonnes.get(key);
        if (x) x.tPerH += t;
        else tonnes.set(key, { route: d.route, tPerH: t });
      }
      const byShare = [...tonnes].sort((a, b) => b[1].tPerH - a[1].tPerH);
      const total = byShare.reduce((sum, [, x]) => sum + x.tPerH, 0);
      const first =
        plan.demands[entry.demands.find((i) => plan.demands[i]!.route === byShare[0]![1].route)!]!;
      const route = plan.routes[first.route]!;
      if (shown && !entry.demands.some((i) => this.usesCrossings(plan.demands[i]!.route, shown))) continue;
      od[key] = {
        demands: [...new Set(entry.demands.map((i) => plan.demands[i]!.id))],
        unit: first.unit,
        unit_t: first.lot_t,
        corridor: route.label,
        paths: byShare.map(([, x]) => ({
          corridor: plan.routes[x.route]!.label,
          crossings: this.routeCrossings(x.route),
          share: total > 0 ? x.tPerH / total : 1 / byShare.length,
        })),
        route: route.nodes,
        distance_km: route.distance_km,
        transit_h: estimateJson(entry.transit.result()),
        delivered: entry.delivered,
        in_transit_at_end: entry.inTransit,
        abandoned: entry.abandoned,
        swd_kmh: entry.swd.value,
        swod_kmh: entry.swod.value,
      };
    }
    const services: Record<string, ServiceJson> = {};
    model.services.forEach((s, i) => {
      const acc = this.services[i];
      if (acc) services[s.id] = { name: s.name, wait_h: estimateJson(acc.result()) };
    });
    return {
      network: options.network ?? model.name ?? null,
      replications: this.replications,
      seed: options.seed,
      days: plan.end_h / 24,
      warmup_days: plan.warmup_h / 24,
      drain_days: plan.drain_h / 24,
      appointments: model.crossings.filter((_, i) => hasEQueue(plan, i)).map((c) => c.id),
      divert_queue: Number.isFinite(plan.divertQueue) ? plan.divertQueue : null,
      events: this.events,
      crossings,
      od,
      services,
      warnings: [...plan.skipped.map((i) => i.message), ...this.seasonNotes(shown)],
    };
  }

  /**
   * Per simulated service whose monthly profile sails another share over the counted days than its
   * annual mean, which the loaded network of route, assign and check reads: why its simulated wait is not theirs.
   * With crossings to show, only the services on the routes of the pairs shown.
   */
  private seasonNotes(shown: ReadonlySet<number> | null): string[] {
    const plan = this.plan;
    let onShownRoutes: Set<number> | null = null;
    if (shown) {
      onShownRoutes = new Set();
      for (const d of plan.demands) {
        if (!this.usesCrossings(d.route, shown)) continue;
        for (const leg of plan.routes[d.route]!.legs)
          if (leg.kind === LegType.service) onShownRoutes.add(leg.element);
      }
    }
    const notes: string[] = [];
    plan.network.services.forEach((s, i) => {
      const profile = s.sides[0].monthlyProfile;
      if (!this.services[i] || !profile || (onShownRoutes && !onShownRoutes.has(i))) return;
      const run = sailingShareOver(profile, plan.date, plan.warmup_h, plan.end_h);
      const mean = annualMean(profile);
      if (Math.abs(run - mean) < 0.005) return;
      notes.push(
        `${s.id}: its monthly_profile sails ${run.toFixed(2)} of the scheduled departures over the counted days, against the annual mean ${mean.toFixed(2)} that the loaded network of route, assign and check takes; its simulated wait is that of these months`,
      );
    });
    return notes;
  }

  /** The ids of the crossings a route passes, in order. */
  private routeCrossings(route: number): string[] {
    const crossings = this.plan.network.crossings;
    return this.plan.routes[route]!.legs.filter((l) => l.kind === LegType.crossing).map(
      (l) => crossings[l.element]!.id,
    );
  }

  private usesCrossings(route: number, shown: ReadonlySet<number>): boolean {
    const r = this.plan.routes[route]!;
    const here = r.legs.some((l) => l.kind === LegType.crossing && shown.has(l.element));
    return here || r.alternatives.some((a) => a >= 0 && this.usesCrossings(a, shown));
  }
}
