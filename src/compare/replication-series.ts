/**
 * Per-replication figures of a simulation, keyed by element identity (crossing id, direction,
 * origin–destination pair), so that a base and a variant with different lists can be paired.
 */
import type { ReplicationResult } from '../sim/replication.js';
import { SIM_HISTOGRAM } from '../sim/replication.js';
import type { SimulationPlan } from '../sim/simulation-plan.js';
import type { CrossingStats } from '../sim/stats/crossing-monitor.js';
import { LogHistogram } from '../sim/stats/histogram.js';

/** One replication's figures of one crossing (or one direction of it); NaN where nothing was observed. */
export interface FlowFigures {
  readonly wait_h: number;
  readonly throughput_per_day: number;
  readonly utilization: number;
}

/** Per key, one value per replication (NaN where the replication did not observe it). */
export interface ReplicationSeries {
  readonly replications: number;
  /** crossing id → figures per replication. */
  readonly crossings: Map<string, FlowFigures[]>;
  /** crossing id → direction `<from>-><to>` → figures per replication. */
  readonly directions: Map<string, Map<string, FlowFigures[]>>;
  /** `<from>-><to>` → mean door-to-door time of that replication's delivered consignments, hours. */
  readonly transit_h: Map<string, number[]>;
  /** crossing id → every unit's wait, all replications pooled (for the distribution). */
  readonly waits: Map<string, LogHistogram>;
}

/** Shares at which a pooled wait distribution is described. */
export const WAIT_QUANTILE_PS = [
  0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1,
] as const;

/** The pooled waits as quantiles [{p, wait_h}] (empty when no unit waited there). */
export function waitQuantiles(h: LogHistogram): { p: number; wait_h: number }[] {
  if (h.count === 0) return [];
  return WAIT_QUANTILE_PS.map((p) => ({ p, wait_h: h.quantile(p) }));
}

const NO_FIGURES: FlowFigures = {
  wait_h: Number.NaN,
  throughput_per_day: Number.NaN,
  utilization: Number.NaN,
};

function figures(s: CrossingStats, windowDays: number): FlowFigures {
  return {
    wait_h: s.wait.count > 0 ? s.wait.mean : Number.NaN,
    throughput_per_day: s.served / windowDays,
    utilization: s.openLaneHours > 0 ? s.busyLaneHours / s.openLaneHours : Number.NaN,
  };
}

/** Collects replications (in order) of one plan into series keyed by element identity. */
export class SeriesCollector {
  private readonly plan: SimulationPlan;
  private readonly windowDays: number;
  private count = 0;
  readonly crossings = new Map<string, FlowFigures[]>();
  readonly directions = new Map<string, Map<string, FlowFigures[]>>();
  readonly transit_h = new Map<string, number[]>();
  readonly waits = new Map<string, LogHistogram>();

  constructor(plan: SimulationPlan) {
    this.plan = plan;
    this.windowDays = (plan.end_h - plan.warmup_h) / 24;
  }

  private slot<T>(list: T[], fill: T): T[] {
    while (list.length < this.count) list.push(fill);
    return list;
  }

  add(r: ReplicationResult): void {
    const model = this.plan.network;
    const at = this.count;
    this.count++;
    r.crossings.forEach((c, i) => {
      if (!c) return;
      const entry = model.crossings[i]!;
      const total = this.crossings.get(entry.id) ?? [];
      this.crossings.set(entry.id, total);
      this.slot(total, NO_FIGURES)[at] = figures(c.total, this.windowDays);
      const pooled = this.waits.get(entry.id) ?? new LogHistogram(SIM_HISTOGRAM);
      this.waits.set(entry.id, pooled);
      pooled.merge(c.total.wait.histogram);
      const dirs = this.directions.get(entry.id) ?? new Map<string, FlowFigures[]>();
      this.directions.set(entry.id, dirs);
      c.directions.forEach((d, k) => {
        if (!d) return;
        const key = k === 0 ? `${entry.from}->${entry.to}` : `${entry.to}->${entry.from}`;
        const list = dirs.get(key) ?? [];
        dirs.set(key, list);
        this.slot(list, NO_FIGURES)[at] = figures(d, this.windowDays);
      });
    });
    const sums = new Map<string, { n: number; sum: number }>();
    this.plan.demands.forEach((d, i) => {
      const s = r.demands[i]!;
      const acc = sums.get(d.od) ?? { n: 0, sum: 0 };
      sums.set(d.od, acc);
      if (s.delivered > 0) {
        acc.n += s.delivered;
        acc.sum += s.transit.mean * s.delivered;
      }
    });
    for (const [od, acc] of sums) {
      const list = this.transit_h.get(od) ?? [];
      this.transit_h.set(od, list);
      this.slot(list, Number.NaN)[at] = acc.n > 0 ? acc.sum / acc.n : Number.NaN;
    }
  }

  /** The series, every list padded to the number of replications. */
  result(): ReplicationSeries {
    for (const l of this.crossings.values()) this.slot(l, NO_FIGURES);
    for (const m of this.directions.values()) for (const l of m.values()) this.slot(l, NO_FIGURES);
    for (const l of this.transit_h.values()) this.slot(l, Number.NaN);
    return {
      replications: this.count,
      crossings: this.crossings,
      directions: this.directions,
      transit_h: this.transit_h,
      waits: this.waits,
    };
  }
}
