/**
 * `caravan check`: the numbers of the analyses side by side for one date, and where they disagree or
 * strain. Per crossing and direction: the flow the assignment puts there, what the direction can
 * carry (operational capacity, and the declared one), the queue wait at that flow, and the wait route
 * planning uses there — computed separately, they must agree. Directions near capacity, demand left
 * unserved, and demand with no route in service are listed in plain words.
 */
import { fixedDecimals } from '../model/fixed-decimals.js';
import type { CompiledNetwork } from '../network/compile.js';
import { ArcKind } from '../network/compile.js';
import { analyticWaits } from '../route/analytic-waits.js';
import { flowReport } from './flow-report.js';
import { networkLoadedState } from './loaded-state.js';
import type { OdPair } from './od-pairs.js';

/** Utilization from which a direction is reported as near capacity. */
export const NEAR_CAPACITY = 0.9;

export interface CheckDirection {
  readonly id: string;
  readonly direction: string;
  readonly flow_t_per_year: number;
  readonly operational_capacity_t_per_year: number | null;
  readonly capacity_t_per_year: number | null;
  readonly binding: string;
  readonly utilization: number | null;
  /** The queue model's wait at the assigned flow, hours. */
  readonly assigned_wait_h: number | null;
  /** The wait route planning uses for this crossing and direction, hours. */
  readonly route_wait_h: number | null;
  readonly status: 'ok' | 'near capacity' | 'disagreement';
}

export interface CheckResult {
  readonly date: string | undefined;
  readonly crossings: CheckDirection[];
  readonly unserved: { id: string; demand_t_per_year: number; unserved_t_per_year: number }[];
  /** Findings in plain words; empty when everything agrees and nothing strains. */
  readonly findings: string[];
  /** Whether the analyses agree with each other (route waits = assigned waits). */
  readonly consistent: boolean;
}

const finite = (x: number | undefined | null) =>
  x !== undefined && x !== null && Number.isFinite(x) ? x : null;

/** The check of a network on a date (default: every element, demand as written). */
export function checkNetwork(net: CompiledNetwork, date: string | undefined): CheckResult {
  const state = networkLoadedState(net, date);
  const report = flowReport(state.assignment);
  const waits = analyticWaits(net, { date });
  const routeWait = new Map<string, number>();
  for (let a = 0; a < net.arcCount; a++) {
    if (net.arcKind[a] !== ArcKind.crossing) continue;
    const c = net.model.crossings[net.arcElement[a]!]!;
    const key = `${net.nodeIds[net.arcFrom[a]!]}->${net.nodeIds[net.arcTo[a]!]}`;
    routeWait.set(`${c.id} ${key}`, waits.meanH[a]!);
  }
  const findings: string[] = [];
  let consistent = true;
  const crossings: CheckDirection[] = [];
  for (const row of report.crossings) {
    for (const [key, d] of Object.entries(row.directions)) {
      const assigned = finite(d.wait_h);
      const routed = finite(routeWait.get(`${row.id} ${key}`));
      const agree =
        assigned === null || routed === null || Math.abs(assigned - routed) <= 1e-6 * Math.max(1, assigned);
      const near = d.utilization !== null && d.utilization >= NEAR_CAPACITY;
      if (!agree) {
        consistent = false;
        findings.push(
          `${row.id} ${key}: route planning waits ${routed!.toFixed(1)} h but the assignment's flow makes ${assigned!.toFixed(1)} h`,
        );
      }
      if (near)
        findings.push(
          `${row.id} ${key} is at ${(100 * d.utilization!).toFixed(0)} % of what it can carry (${(d.capacity_t_per_year! / 1e6).toFixed(2)} Mt/yr, limited by ${d.binding})${assigned !== null ? `: a wait of ${assigned.toFixed(1)} h` : ''}`,
        );
      crossings.push({
        id: row.id,
        direction: key,
        flow_t_per_year: d.flow_t_per_year,
        operational_capacity_t_per_year: d.operational_capacity_t_per_year,
        capacity_t_per_year: d.capacity_t_per_year,
        binding: d.binding,
        utilization: d.utilization,
        assigned_wait_h: assigned,
        route_wait_h: routed,
        status: agree ? (near ? 'near capacity' : 'ok') : 'disagreement',
      });
    }
  }
  for (const x of state.sharedRations)
    findings.push(
      `${x.id}: both directions together are at ${(100 * x.utilization).toFixed(1)} % of the capacity they share: the assignment rations it by ${x.delayH.toFixed(1)} h a tonne, on top of each direction's wait, which is all that route planning adds there`,
    );
  const unserved: CheckResult['unserved'] = [];
  const mt = (t: number) => (t / 1e6).toFixed(2);
  report.od.forEach((o, k) => {
    if (!(o.unserved_t_per_year > 1e-6 * o.demand_t_per_year && o.unserved_t_per_year > 1)) return;
    unserved.push({
      id: o.id,
      demand_t_per_year: o.demand_t_per_year,
      unserved_t_per_year: o.unserved_t_per_year,
    });
    findings.push(
      o.unserved_t_per_year >= (1 - 1e-9) * o.demand_t_per_year
        ? `demand ${o.id} (${mt(o.demand_t_per_year)} Mt/yr) is not served: ${whyUnserved(state.assignment.ods[k]!, o.unserved_cost_usd_per_t)}`
        : `demand ${o.id}: ${mt(o.unserved_t_per_year)} of ${mt(o.demand_t_per_year)} Mt/yr cannot be carried: the crossings or services on its routes are full`,
    );
  });
  return { date, crossings, unserved, findings, consistent };
}

/**
 * Why the assignment leaves a pair wholly unserved: it has no path on the date; or its cheapest path
 * costs more than leaving it unserved with no load on the network; or, cheaper than that when the
 * network is empty, every path costs more at the assignment's flows (its crossings and services full).
 */
function whyUnserved(od: OdPair, unservedCostUsdPerT: number): string {
  const free = od.freeCostUsdPerT;
  const usd = (x: number) => `${fixedDecimals(x, 0)} USD/t`;
  if (od.origin < 0 || od.destination < 0 || free === Number.POSITIVE_INFINITY)
    return 'no route in service in its modes on this date';
  if (free !== undefined && free >= unservedCostUsdPerT)
    return `its cheapest route costs ${usd(free)} with no load on the network, more than leaving it unserved (${usd(unservedCostUsdPerT)})`;
  const noLoad = free === undefined ? '' : `; ${usd(free)} for its cheapest route with no load`;
  return `every route is full at the assignment's flows, where each costs more than leaving it unserved (${usd(unservedCostUsdPerT)}${noLoad})`;
}
