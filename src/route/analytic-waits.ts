/**
 * Default waits for route planning: the network's demand is loaded onto its fastest routes in a few
 * increments (incremental assignment), the waits at crossings and ferries being recomputed from the
 * flow after each increment, so that later increments avoid the queues the earlier ones built.
 */
import { MODES, type Mode } from '../model/schema.js';
import { type CompiledNetwork, dayNumber } from '../network/compile.js';
import { type ArcWaitOptions, type ArcWaits, waitsFromLoads } from './arc-waits.js';
import { openArcs } from './constraints.js';
import { ModeSearch } from './mode-search.js';

export interface AnalyticWaitOptions extends ArcWaitOptions {
  /** YYYY-MM-DD: the infrastructure in service that day carries the demand (default: all of it). */
  readonly date?: string | undefined;
  /** Increments the demand is loaded in (default 4; 1 = all-or-nothing on free-flow times). */
  readonly increments?: number | undefined;
}

export interface AnalyticWaits extends ArcWaits {
  /** Demand entries that could not be loaded, with the reason. */
  readonly unrouted: readonly string[];
}

export const DEFAULT_INCREMENTS = 4;

const HOURS_PER_YEAR = 8760;

/**
 * Waits at every crossing and service from the network's own demand: each demand entry, split into
 * `increments` equal parts, is sent in turn along its fastest route (travel plus current waits plus
 * transshipment times, on its allowed modes when it has some), and the waits are recomputed from the
 * accumulated flow after each increment.
 */
export function analyticWaits(net: CompiledNetwork, options: AnalyticWaitOptions = {}): AnalyticWaits {
  const open = openArcs(net, options.date !== undefined ? dayNumber(options.date) : undefined);
  const increments = Math.max(1, Math.floor(options.increments ?? DEFAULT_INCREMENTS));
  const flows = net.demand;
  const unrouted: string[] = [];
  const m = net.arcCount;
  const load = new Float64Array(m);
  const cv2Weighted = new Float64Array(m);
  const cv2 = new Float64Array(m).fill(1);
  const trans = net.transshipment;
  const search = new ModeSearch(net);
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
    const graphWeight = search.weights(weight, trans.timeMeanH);
    for (const f of flows) {
      if (failed.has(f.id)) continue;
      const best = (allowed: Uint8Array) => search.best(graphWeight, f.source, f.target, allowed);
      const path = best(maskFor(f.modes)) ?? best(open);
      if (!path) {
        failed.add(f.id);
        unrouted.push(`${f.id}: no route in service`);
        continue;
      }
      const share = f.tPerYear / HOURS_PER_YEAR / increments;
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
