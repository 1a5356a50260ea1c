/**
 * An assignment in the network's terms: flow, capacity and utilization of each link, crossing and
 * service; demand served and unserved per pair; total cost and time. Plain data in JSON units.
 */

import type { ArcKindName } from '../network/compile.js';
import type { CapacityBinding } from '../network/operational-capacity.js';
import type { Assignment, AssignmentMethodName } from './assignment.js';
import { resourceWait } from './loaded-state.js';
import { unservedCostUsd } from './unserved-cost.js';

/** One direction of an element at the assignment's flows. */
export interface DirectionFlow {
  readonly flow_t_per_year: number;
  /** What the direction can carry: the operational capacity, capped by a declared one; null when unlimited. */
  readonly capacity_t_per_year: number | null;
  /** From lanes, hours, clearance and quota (crossings), departures (services); null when unlimited. */
  readonly operational_capacity_t_per_year: number | null;
  readonly declared_capacity_t_per_year: number | null;
  /** What limits the direction: lanes, quota, departures, declared, none. */
  readonly binding: CapacityBinding;
  /** Flow ÷ capacity; null when unlimited. */
  readonly utilization: number | null;
  /** Congestion delay at this flow (equilibrium), hours. */
  readonly delay_h: number;
  /** Crossings: the mean wait before clearance at this flow (the wait for opening included), hours; null at or above capacity, where the queue grows without end. */
  readonly wait_h?: number | null | undefined;
  readonly shadow_price_usd_per_t: number | null;
  readonly congestion_toll_usd_per_t: number | null;
}

/** A capacity both directions of an element share (a declared one), and its figures at the assigned flow. */
export interface SharedFlow {
  /** Both directions together. */
  readonly flow_t_per_year: number;
  readonly capacity_t_per_year: number;
  readonly utilization: number;
  /** Congestion delay this capacity adds at this flow (equilibrium), hours. */
  readonly delay_h: number;
  readonly shadow_price_usd_per_t: number | null;
  readonly congestion_toll_usd_per_t: number | null;
}

export interface ElementFlow {
  readonly kind: ArcKindName;
  readonly id: string;
  readonly name?: string | undefined;
  readonly from: string;
  readonly to: string;
  readonly mode: string;
  /** Each direction the element can be travelled, keyed `<from>-><to>`. */
  readonly directions: Readonly<Record<string, DirectionFlow>>;
  /** The capacity both directions share, when the element has one; null otherwise. */
  readonly shared: SharedFlow | null;
  /** Both directions together. */
  readonly flow_t_per_year: number;
  readonly flow_forward_t_per_year: number;
  readonly flow_reverse_t_per_year: number;
  /** Both directions together: the sum of the directions' capacities, capped by a shared one; null when unlimited. */
  readonly capacity_t_per_year: number | null;
  /** The highest of flow ÷ capacity over the directions and the shared capacity; null when unlimited. */
  readonly utilization: number | null;
  /** The longest congestion delay of the directions (equilibrium), hours. */
  readonly delay_h: number;
  /** Capacity method: what one more tonne per year of capacity saves a year, USD per tonne; null otherwise. */
  readonly shadow_price_usd_per_t: number | null;
  /** Equilibrium: marginal-cost toll, load × d(cost)/d(load), USD per tonne; null otherwise. */
  readonly congestion_toll_usd_per_t: number | null;
}

export interface OdFlow {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly cargo: string;
  readonly demand_t_per_year: number;
  readonly served_t_per_year: number;
  readonly unserved_t_per_year: number;
  /** What a tonne left unserved costs, USD. */
  readonly unserved_cost_usd_per_t: number;
  /** Tonne-weighted mean over the pair's paths; null when nothing is served. */
  readonly cost_usd_per_t: number | null;
  readonly time_h: number | null;
}

export interface FlowSummary {
  readonly method: AssignmentMethodName;
  readonly demand_t_per_year: number;
  readonly served_t_per_year: number;
  readonly unserved_t_per_year: number;
  /** Generalized cost of the served flows a year: money plus value of time, USD. */
  readonly total_cost_usd: number;
  /** What the unserved tonnes cost a year at their unserved costs, USD. */
  readonly unserved_cost_usd_per_year: number;
  /** The two together: what the assignment minimizes (capacity) or prices (equilibrium), USD a year. */
  readonly total_cost_with_unserved_usd_per_year: number;
  readonly money_cost_usd: number;
  readonly tonne_hours: number;
  readonly mean_cost_usd_per_t: number | null;
  readonly mean_time_h: number | null;
  readonly gap: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface FlowReport {
  readonly summary: FlowSummary;
  readonly links: ElementFlow[];
  readonly crossings: ElementFlow[];
  readonly services: ElementFlow[];
  readonly od: OdFlow[];
}

/** Cost (at the solution), money and time of a path. */
export function pathMeasures(
  as: Assignment,
  arcs: ArrayLike<number>,
): { cost: number; money: number; timeH: number } {
  let cost = 0;
  let money = 0;
  let timeH = 0;
  for (let i = 0; i < arcs.length; i++) {
    const a = arcs[i]!;
    cost += as.arcCost[a]!;
    money += as.graph.arcMoneyUsdPerT[a]!;
    timeH += as.graph.arcTimeH[a]! + as.arcDelayH[a]!;
  }
  return { cost, money, timeH };
}

export function flowReport(as: Assignment): FlowReport {
  const g = as.graph;
  const forward = new Float64Array(g.elements.length);
  const reverse = new Float64Array(g.elements.length);
  const sidePresent = new Uint8Array(2 * g.elements.length);
  for (let a = 0; a < g.arcCount; a++) {
    const e = g.arcElement[a]!;
    if (e < 0) continue;
    const d = g.net.arcReversed[g.arcNet[a]!]!;
    sidePresent[2 * e + d] = 1;
    if (d) reverse[e]! += as.arcFlow[a]!;
    else forward[e]! += as.arcFlow[a]!;
  }
  const res = as.resources;
  /** The prices of a resource (−1: none, 0) under the method that gives them (null otherwise). */
  const prices = (r: number) => ({
    shadow_price_usd_per_t: as.resourceShadowPrice ? (r >= 0 ? as.resourceShadowPrice[r]! : 0) : null,
    congestion_toll_usd_per_t: as.resourceCongestionToll
      ? r >= 0
        ? as.resourceCongestionToll[r]!
        : 0
      : null,
  });
  const rows: ElementFlow[] = [];
  g.elements.forEach((info, e) => {
    if (!g.elementOpen[e]) return;
    const flow = as.elementLoad[e]!;
    const flows = [forward[e]!, reverse[e]!];
    const directions: Record<string, DirectionFlow> = {};
    let capacity = 0;
    let utilization: number | null = null;
    const use = (u: number) => {
      utilization = Math.max(utilization ?? 0, u);
    };
    for (const d of [0, 1]) {
      if (!sidePresent[2 * e + d]) continue;
      const key = d === 0 ? `${info.from}->${info.to}` : `${info.to}->${info.from}`;
      const r = res.sideResource[2 * e + d]!;
      const x = r >= 0 ? res.list[r]! : undefined;
      const cap = x ? x.capacityTPerYear : Number.POSITIVE_INFINITY;
      capacity += cap;
      const u = Number.isFinite(cap) ? flows[d]! / cap : null;
      if (u !== null) use(u);
      const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
      const wait = x?.queue ? resourceWait(x, as.resourceLoad[r]!).meanH : undefined;
      directions[key] = {
        flow_t_per_year: flows[d]!,
        capacity_t_per_year: finite(cap),
        operational_capacity_t_per_year: finite(x?.operationalTPerYear),
        declared_capacity_t_per_year: finite(x?.declaredTPerYear),
        binding: x?.binding ?? 'none',
        utilization: u,
        delay_h: r >= 0 ? as.resourceDelayH[r]! : 0,
        ...(info.kind === 'crossing' ? { wait_h: wait === undefined ? null : finite(wait) } : {}),
        ...prices(r),
      };
    }
    const sharedResource = res.sharedResource[e]!;
    let shared: SharedFlow | null = null;
    if (sharedResource >= 0) {
      const cap = res.list[sharedResource]!.capacityTPerYear;
      capacity = Math.min(capacity, cap);
      shared = {
        flow_t_per_year: flow,
        capacity_t_per_year: cap,
        utilization: flow / cap,
        delay_h: as.resourceDelayH[sharedResource]!,
        ...prices(sharedResource),
      };
      use(shared.utilization);
    }
    rows.push({
      kind: info.kind,
      id: info.id,
      ...(info.name !== undefined ? { name: info.name } : {}),
      from: info.from,
      to: info.to,
      mode: info.mode,
      directions,
      shared,
      flow_t_per_year: flow,
      flow_forward_t_per_year: forward[e]!,
      flow_reverse_t_per_year: reverse[e]!,
      capacity_t_per_year: Number.isFinite(capacity) ? capacity : null,
      utilization,
      delay_h: as.elementDelayH[e]!,
      shadow_price_usd_per_t: as.elementShadowPrice ? as.elementShadowPrice[e]! : null,
      congestion_toll_usd_per_t: as.elementCongestionToll ? as.elementCongestionToll[e]! : null,
    });
  });

  const served = new Float64Array(as.ods.length);
  const odCost = new Float64Array(as.ods.length);
  const odTime = new Float64Array(as.ods.length);
  let total = 0;
  let money = 0;
  let tonneHours = 0;
  for (const p of as.paths) {
    const m = pathMeasures(as, p.arcs);
    served[p.od]! += p.flow;
    odCost[p.od]! += p.flow * m.cost;
    odTime[p.od]! += p.flow * m.timeH;
    total += p.flow * m.cost;
    money += p.flow * m.money;
    tonneHours += p.flow * m.timeH;
  }
  const od: OdFlow[] = as.demand.map((d, k) => ({
    id: d.id,
    from: d.from,
    to: d.to,
    cargo: d.cargo,
    demand_t_per_year: d.tPerYear,
    served_t_per_year: served[k]!,
    unserved_t_per_year: as.odUnserved[k]!,
    unserved_cost_usd_per_t: as.odUnservedCostUsdPerT[k]!,
    cost_usd_per_t: served[k]! > 0 ? odCost[k]! / served[k]! : null,
    time_h: served[k]! > 0 ? odTime[k]! / served[k]! : null,
  }));
  const servedTotal = served.reduce((s, x) => s + x, 0);
  const demandTotal = as.demand.reduce((s, d) => s + d.tPerYear, 0);
  const unservedCost = as.odUnserved.reduce(
    (s, x, k) =>
      s +
      unservedCostUsd(
        as.odUnservedCostUsdPerT[k]!,
        as.ods[k]!.unservedHalfWidthUsdPerT ?? 0,
        x,
        as.demand[k]!.tPerYear,
      ),
    0,
  );
  return {
    summary: {
      method: as.method,
      demand_t_per_year: demandTotal,
      served_t_per_year: servedTotal,
      unserved_t_per_year: as.odUnserved.reduce((s, x) => s + x, 0),
      total_cost_usd: total,
      unserved_cost_usd_per_year: unservedCost,
      total_cost_with_unserved_usd_per_year: total + unservedCost,
      money_cost_usd: money,
      tonne_hours: tonneHours,
      mean_cost_usd_per_t: servedTotal > 0 ? total / servedTotal : null,
      mean_time_h: servedTotal > 0 ? tonneHours / servedTotal : null,
      gap: as.gap,
      iterations: as.iterations,
      converged: as.converged,
    },
    links: rows.filter((r) => r.kind === 'link'),
    crossings: rows.filter((r) => r.kind === 'crossing'),
    services: rows.filter((r) => r.kind === 'service'),
    od,
  };
}
