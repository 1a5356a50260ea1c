/**
 * The outlook: year by year, demand grown at each flow's rate against the network in service on
 * 1 July, with the flow and utilization of crossings, services and borders, and when each saturates.
 */
import { checkLimit } from '../model/limits.js';
import { assessmentDate, DEFAULT_BASE_YEAR } from '../model/timeline.js';
import type { CompiledNetwork } from '../network/compile.js';
import { compiledOn, dayNumber } from '../network/compile.js';
import { type AssignOptions, assignFlows } from './assignment.js';
import type { OdDemand } from './demand.js';
import { demandInYear, type GrowthSpec } from './demand-growth.js';
import { buildFlowGraph } from './flow-graph.js';
import { type ElementFlow, flowReport } from './flow-report.js';

export interface OutlookOptions extends AssignOptions {
  readonly fromYear?: number | undefined;
  readonly toYear?: number | undefined;
  /** Year the demand figures describe (default 2024). */
  readonly baseYear?: number | undefined;
  readonly growth?: GrowthSpec | undefined;
  /** Utilization from which an element counts as saturated (default 0.99). */
  readonly saturationAt?: number | undefined;
  readonly valueOfTimeUsdPerTH?: number | undefined;
}

export const DEFAULT_FROM_YEAR = 2024;
export const DEFAULT_TO_YEAR = 2035;
export const DEFAULT_SATURATION = 0.99;

export interface CapacityFlow {
  readonly id: string;
  readonly flow_t_per_year: number;
  readonly capacity_t_per_year: number | null;
  readonly utilization: number | null;
}

export interface BorderFlow extends CapacityFlow {
  /** `CN-KZ rail`: the two countries (sorted) and the mode. */
  readonly countries: readonly [string, string];
  readonly mode: string;
  readonly crossings: readonly string[];
}

export interface OutlookYear {
  readonly year: number;
  readonly date: string;
  readonly demand_t_per_year: number;
  readonly served_t_per_year: number;
  readonly unserved_t_per_year: number;
  readonly total_cost_usd: number;
  /** The same plus the unserved tonnes at their unserved costs, USD a year. */
  readonly total_cost_with_unserved_usd_per_year: number;
  readonly gap: number;
  readonly crossings: (CapacityFlow & { kind: 'crossing' })[];
  readonly services: (CapacityFlow & { kind: 'service' })[];
  readonly links: (CapacityFlow & { kind: 'link' })[];
  readonly borders: BorderFlow[];
}

export interface Saturation {
  readonly kind: 'crossing' | 'service' | 'link' | 'border';
  readonly id: string;
  /** First year with utilization ≥ the threshold; null when none in the horizon. */
  readonly first_year: number | null;
  readonly max_utilization: number;
}

export interface OutlookResult {
  readonly base_year: number;
  readonly saturation_at: number;
  readonly years: OutlookYear[];
  readonly saturation: Saturation[];
}

export async function outlook(
  net: CompiledNetwork,
  demand: readonly OdDemand[],
  options: OutlookOptions = {},
): Promise<OutlookResult> {
  const from = options.fromYear ?? DEFAULT_FROM_YEAR;
  const to = options.toYear ?? DEFAULT_TO_YEAR;
  const baseYear = options.baseYear ?? DEFAULT_BASE_YEAR;
  const saturationAt = options.saturationAt ?? DEFAULT_SATURATION;
  checkLimit('outlook_years', to - from + 1, 'years in the outlook', { advice: 'ask for fewer years' });
  const country = new Map(net.model.nodes.map((n) => [n.id, n.country]));
  const years: OutlookYear[] = [];
  for (let year = from; year <= to; year++) {
    const date = assessmentDate(year);
    // Each year sees the capacity steps and closures of its 1 July, as `check --date` and route do.
    const graph = buildFlowGraph(compiledOn(net, date), {
      day: dayNumber(date),
      valueOfTimeUsdPerTH: options.valueOfTimeUsdPerTH,
    });
    const yearDemand = demandInYear(demand, year, { baseYear, growth: options.growth });
    const report = flowReport(await assignFlows(graph, yearDemand, options));
    const pick = (r: ElementFlow): CapacityFlow => ({
      id: r.id,
      flow_t_per_year: r.flow_t_per_year,
      capacity_t_per_year: r.capacity_t_per_year,
      utilization: r.utilization,
    });
    const borders = new Map<string, { countries: [string, string]; mode: string; rows: ElementFlow[] }>();
    for (const r of report.crossings) {
      const pair = [country.get(r.from)!, country.get(r.to)!].sort() as [string, string];
      const key = `${pair.join('-')} ${r.mode}`;
      const b = borders.get(key) ?? { countries: pair, mode: r.mode, rows: [] };
      b.rows.push(r);
      borders.set(key, b);
    }
    years.push({
      year,
      date,
      demand_t_per_year: report.summary.demand_t_per_year,
      served_t_per_year: report.summary.served_t_per_year,
      unserved_t_per_year: report.summary.unserved_t_per_year,
      total_cost_usd: report.summary.total_cost_usd,
      total_cost_with_unserved_usd_per_year: report.summary.total_cost_with_unserved_usd_per_year,
      gap: report.summary.gap,
      crossings: report.crossings.map((r) => ({ kind: 'crossing' as const, ...pick(r) })),
      services: report.services
        .filter((r) => r.capacity_t_per_year !== null)
        .map((r) => ({ kind: 'service' as const, ...pick(r) })),
      links: report.links
        .filter((r) => r.capacity_t_per_year !== null)
        .map((r) => ({ kind: 'link' as const, ...pick(r) })),
      borders: [...borders]
        .map(([id, b]) => {
          const flow = b.rows.reduce((s, r) => s + r.flow_t_per_year, 0);
          const unlimited = b.rows.some((r) => r.capacity_t_per_year === null);
          const cap = unlimited ? null : b.rows.reduce((s, r) => s + r.capacity_t_per_year!, 0);
          return {
            id,
            countries: b.countries,
            mode: b.mode,
            crossings: b.rows.map((r) => r.id),
            flow_t_per_year: flow,
            capacity_t_per_year: cap,
            utilization: cap ? flow / cap : null,
          };
        })
        .sort((a, b) => a.id.localeCompare(b.id)),
    });
  }
  return {
    base_year: baseYear,
    saturation_at: saturationAt,
    years,
    saturation: saturation(years, saturationAt),
  };
}

function saturation(years: readonly OutlookYear[], at: number): Saturation[] {
  const seen = new Map<string, { kind: Saturation['kind']; id: string; first: number | null; max: number }>();
  for (const y of years) {
    const rows: { kind: Saturation['kind']; id: string; utilization: number | null }[] = [
      ...y.borders.map((b) => ({ kind: 'border' as const, id: b.id, utilization: b.utilization })),
      ...y.crossings,
      ...y.services,
      ...y.links,
    ];
    for (const r of rows) {
      if (r.utilization === null) continue;
      const key = `${r.kind}:${r.id}`;
      const s = seen.get(key) ?? { kind: r.kind, id: r.id, first: null, max: 0 };
      s.max = Math.max(s.max, r.utilization);
      if (s.first === null && r.utilization >= at) s.first = y.year;
      seen.set(key, s);
    }
  }
  const order = { border: 0, crossing: 1, service: 2, link: 3 };
  return [...seen.values()]
    .map((s) => ({ kind: s.kind, id: s.id, first_year: s.first, max_utilization: s.max }))
    .sort(
      (a, b) =>
        order[a.kind] - order[b.kind] ||
        (a.first_year ?? 1e9) - (b.first_year ?? 1e9) ||
        b.max_utilization - a.max_utilization ||
        a.id.localeCompare(b.id),
    );
}
