/**
 * Default waits for route planning: the network's demand is loaded onto its fastest routes in a few
 * increments (incremental assignment), the waits at crossings and ferries being recomputed from the
 * flow after each increment, so that later increments avoid the queues the earlier ones built.
 */
import type { DemandModel, Mode, NetworkModel } from '../model/schema.js';
import { MODES } from '../model/schema.js';
import { type CompiledNetwork, dayNumber } from '../network/compile.js';
import { type ArcWaitOptions, type ArcWaits, waitsFromLoads } from './arc-waits.js';
import { openArcs } from './constraints.js';
import { shortestPath } from './dijkstra.js';
import { nodeTransshipment } from './transshipment.js';

export interface AnalyticWaitOptions extends ArcWaitOptions {
  /** YYYY-MM-DD: the infrastructure in service that day carries the demand (default: all of it). */
  readonly date?: string | undefined;
  /** Increments the demand is loaded in (default 4; 1 = all-or-nothing on free-flow times). */
  readonly increments?: number | undefined;
}

export interface DemandFlow {
  readonly id: string;
  readonly source: number;
  readonly target: number;
  readonly tPerH: number;
  /** Squared coefficient of variation of inter-arrival times: 1 for Poisson, 0 for evenly spaced. */
  readonly arrivalCv2: number;
  readonly modes: readonly Mode[] | undefined;
}

export interface AnalyticWaits extends ArcWaits {
  /** Demand entries that could not be loaded, with the reason. */
  readonly unrouted: readonly string[];
}

export const DEFAULT_INCREMENTS = 4;

/** The demand entries as flows in tonnes per hour; entries whose quantity cannot be converted are listed. */
export function demandFlows(net: CompiledNetwork): { flows: DemandFlow[]; skipped: string[] } {
  const model = net.model;
  const flows: DemandFlow[] = [];
  const skipped: string[] = [];
  for (const d of model.demand) {
    const id = d.id ?? `${d.from}->${d.to}`;
    const tPerH = demandTonnesPerHour(model, d);
    if (tPerH === undefined) {
      skipped.push(`${id}: units_per_day without a unit of known tonnage`);
      continue;
    }
    flows.push({
      id,
      source: net.nodeIndex.get(d.from)!,
      target: net.nodeIndex.get(d.to)!,
      tPerH,
      arrivalCv2: d.arrivals === 'uniform' ? 0 : 1,
      modes: d.modes ?? (d.mode ? [d.mode] : undefined),
    });
  }
  return { flows, skipped };
}

function demandTonnesPerHour(model: NetworkModel, d: DemandModel): number | undefined {
  if (d.t_per_year !== undefined) return d.t_per_year / 8760;
  if (d.units_per_day === undefined) return undefined;
  const unitId = d.unit ?? (d.mode ? model.modes[d.mode]?.unit : undefined);
  const t = model.units.find((u) => u.id === unitId)?.t;
  return t === undefined ? undefined : (d.units_per_day * t) / 24;
}

/**
 * Waits at every crossing and service from the network's own demand: each demand entry, split into
 * `increments` equal parts, is sent in turn along its fastest route (travel plus current waits plus
 * transshipment times, on its allowed modes when it has some), and the waits are recomputed from the
 * accumulated flow after each increment.
 */
export function analyticWaits(net: CompiledNetwork, options: AnalyticWaitOptions = {}): AnalyticWaits {
  const open = openArcs(net, options.date !== undefined ? dayNumber(options.date) : undefined);
  const increments = Math.max(1, Math.floor(options.increments ?? DEFAULT_INCREMENTS));
  const { flows, skipped } = demandFlows(net);
  const unrouted = [...skipped];
  const m = net.arcCount;
  const load = new Float64Array(m);
  const cv2Weighted = new Float64Array(m);
  const cv2 = new Float64Array(m).fill(1);
  const trans = nodeTransshipment(net.model);
  const transfer = { arcMode: net.arcMode, modeCount: MODES.length, canTransfer: trans.at };
  const masks = new Map<string, Uint8Array>();
  const maskFor = (modes: readonly Mode[] | undefined) => {
    if (modes === undefined) return open;
    const key = [...modes].sort().join(',');
    let mask = masks.get(key);
    if (!mask) {
      const ok = MODES.map((x) => modes.includes(x));
      mask = open.map((o, a) => (o && ok[net.arcMode[a]!] ? 1 : 0));
      masks.set(key, mask);
    }
    return mask;
  };
  let waits = waitsFromLoads(net, load, cv2, options);
  const weight = new Float64Array(m);
  const failed = new Set<string>();
  for (let step = 0; step < increments; step++) {
    for (let a = 0; a < m; a++) weight[a] = net.arcTimeMeanH[a]! + waits.meanH[a]!;
    for (const f of flows) {
      if (failed.has(f.id)) continue;
      const search = (allowed: Uint8Array) =>
        shortestPath(net, weight, f.source, f.target, {
          allowed,
          transfer,
          transferPenalty: trans.timeMeanH,
        });
      const path = search(maskFor(f.modes)) ?? search(open);
      if (!path) {
        failed.add(f.id);
        unrouted.push(`${f.id}: no route in service`);
        continue;
      }
      const share = f.tPerH / increments;
      for (const a of path.arcs) {
        load[a]! += share;
        cv2Weighted[a]! += share * f.arrivalCv2;
      }
    }
    for (let a = 0; a < m; a++) cv2[a] = load[a]! > 0 ? cv2Weighted[a]! / load[a]! : 1;
    waits = waitsFromLoads(net, load, cv2, options);
  }
  return { ...waits, unrouted };
}
