/**
 * Resilience: the network without some countries, crossings, links or nodes against the intact one —
 * tonnage diverted by corridor, cost and time added, demand unserved, dependency on transit countries.
 */
import type { CompiledNetwork } from '../network/compile.js';
import { type Assignment, type AssignOptions, assignFlows } from './assignment.js';
import { corridorFamily, type Dependency, dependencyTable, odCorridorFlows } from './corridors.js';
import type { OdDemand } from './demand.js';
import { buildFlowGraph } from './flow-graph.js';
import { type FlowReport, flowReport } from './flow-report.js';
import { type Removal, removalMasks } from './removal.js';

export interface ResilienceOptions extends AssignOptions {
  /** Day number the network is taken on (default: every element). */
  readonly day?: number | undefined;
  readonly valueOfTimeUsdPerTH?: number | undefined;
}

export interface CorridorChange {
  readonly corridor: string;
  readonly baseline_t_per_year: number;
  readonly scenario_t_per_year: number;
  readonly change_t_per_year: number;
}

export interface OdChange {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly demand_t_per_year: number;
  readonly baseline_served_t_per_year: number;
  readonly scenario_served_t_per_year: number;
  /** Tonnage that moved onto corridors it did not use as much before. */
  readonly diverted_t_per_year: number;
  readonly unserved_t_per_year: number;
  readonly cost_change_usd_per_t: number | null;
  readonly time_change_h: number | null;
}

export interface ResilienceDifferences {
  readonly unserved_t_per_year: number;
  readonly diverted_t_per_year: number;
  /** Change of the generalized cost of all served flows (falls when less is served), USD per year. */
  readonly total_cost_usd: number;
  /** Change of that cost plus the cost of the tonnes left unserved: what the loss of the elements costs, USD per year. */
  readonly total_cost_with_unserved_usd_per_year: number;
  /** Cost added to the flows still served: Σ over pairs of tonnes served × change of their mean cost, USD per year. */
  readonly served_cost_increase_usd: number;
  /** The same per tonne of those flows, USD, and their mean added time, hours. */
  readonly served_cost_increase_usd_per_t: number | null;
  readonly served_time_increase_h: number | null;
}

export interface ResilienceResult {
  readonly removed: readonly Removal[];
  readonly baseline: Assignment;
  readonly scenario: Assignment;
  readonly baselineReport: FlowReport;
  readonly scenarioReport: FlowReport;
  readonly differences: ResilienceDifferences;
  readonly corridors: CorridorChange[];
  /** The same by corridor family: Northern, Middle Corridor, Sea, … */
  readonly families: CorridorChange[];
  readonly od: OdChange[];
  /** Dependency of each flow on transit countries, in the intact network. */
  readonly dependency: Dependency[];
  readonly scenarioDependency: Dependency[];
}

export async function resilience(
  net: CompiledNetwork,
  demand: readonly OdDemand[],
  removed: readonly Removal[],
  options: ResilienceOptions = {},
): Promise<ResilienceResult> {
  const graphOptions = { day: options.day, valueOfTimeUsdPerTH: options.valueOfTimeUsdPerTH };
  const baseline = await assignFlows(buildFlowGraph(net, graphOptions), demand, options);
  const scenario = await assignFlows(
    buildFlowGraph(net, { ...graphOptions, ...removalMasks(net, removed) }),
    demand,
    options,
  );
  return compareAssignments(removed, baseline, scenario);
}

/** Differences between an assignment of the intact network and one of the reduced network. */
export function compareAssignments(
  removed: readonly Removal[],
  baseline: Assignment,
  scenario: Assignment,
): ResilienceResult {
  const baselineReport = flowReport(baseline);
  const scenarioReport = flowReport(scenario);
  const baseByOd = odCorridorFlows(baseline);
  const scenByOd = odCorridorFlows(scenario);
  const corridorTotals = new Map<string, { base: number; scen: number }>();
  const od: OdChange[] = baseline.demand.map((d, k) => {
    const b = baseByOd[k]!;
    const s = scenByOd[k]!;
    let diverted = 0;
    for (const [c, t] of s) diverted += Math.max(0, t - (b.get(c) ?? 0));
    for (const [c, t] of b) {
      const e = corridorTotals.get(c) ?? { base: 0, scen: 0 };
      e.base += t;
      corridorTotals.set(c, e);
    }
    for (const [c, t] of s) {
      const e = corridorTotals.get(c) ?? { base: 0, scen: 0 };
      e.scen += t;
      corridorTotals.set(c, e);
    }
    const bo = baselineReport.od[k]!;
    const so = scenarioReport.od[k]!;
    return {
      id: d.id,
      from: d.from,
      to: d.to,
      demand_t_per_year: d.tPerYear,
      baseline_served_t_per_year: bo.served_t_per_year,
      scenario_served_t_per_year: so.served_t_per_year,
      diverted_t_per_year: diverted,
      unserved_t_per_year: so.unserved_t_per_year,
      cost_change_usd_per_t:
        bo.cost_usd_per_t !== null && so.cost_usd_per_t !== null
          ? so.cost_usd_per_t - bo.cost_usd_per_t
          : null,
      time_change_h: bo.time_h !== null && so.time_h !== null ? so.time_h - bo.time_h : null,
    };
  });
  const familyTotals = new Map<string, { base: number; scen: number }>();
  for (const [c, t] of corridorTotals) {
    const f = familyTotals.get(corridorFamily(c)) ?? { base: 0, scen: 0 };
    f.base += t.base;
    f.scen += t.scen;
    familyTotals.set(corridorFamily(c), f);
  }
  let servedTonnes = 0;
  let servedCost = 0;
  let servedTime = 0;
  for (const o of od) {
    if (o.cost_change_usd_per_t === null || o.time_change_h === null) continue;
    servedTonnes += o.scenario_served_t_per_year;
    servedCost += o.scenario_served_t_per_year * o.cost_change_usd_per_t;
    servedTime += o.scenario_served_t_per_year * o.time_change_h;
  }
  const bs = baselineReport.summary;
  const ss = scenarioReport.summary;
  return {
    removed,
    baseline,
    scenario,
    baselineReport,
    scenarioReport,
    differences: {
      unserved_t_per_year: ss.unserved_t_per_year - bs.unserved_t_per_year,
      diverted_t_per_year: od.reduce((s, o) => s + o.diverted_t_per_year, 0),
      total_cost_usd: ss.total_cost_usd - bs.total_cost_usd,
      total_cost_with_unserved_usd_per_year:
        ss.total_cost_with_unserved_usd_per_year - bs.total_cost_with_unserved_usd_per_year,
      served_cost_increase_usd: servedCost,
      served_cost_increase_usd_per_t: servedTonnes > 0 ? servedCost / servedTonnes : null,
      served_time_increase_h: servedTonnes > 0 ? servedTime / servedTonnes : null,
    },
    corridors: changes(corridorTotals),
    families: changes(familyTotals),
    od,
    dependency: dependencyTable(baseline),
    scenarioDependency: dependencyTable(scenario),
  };
}

function changes(totals: ReadonlyMap<string, { base: number; scen: number }>): CorridorChange[] {
  return [...totals]
    .map(([corridor, t]) => ({
      corridor,
      baseline_t_per_year: t.base,
      scenario_t_per_year: t.scen,
      change_t_per_year: t.scen - t.base,
    }))
    .sort((a, b) => b.change_t_per_year - a.change_t_per_year || a.corridor.localeCompare(b.corridor));
}
