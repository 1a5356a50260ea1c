/**
 * How the simulation of a date offers each demand: the paths of the date's loaded network (its
 * equilibrium, which route waits and `assign` read), grouped into parts by the crossings and services
 * they pass, each at its assigned flow; and the unserved tonnes, offered only where drivers can give up.
 */
import { networkDemand } from '../flow/demand.js';
import type { NetworkLoadedState } from '../flow/loaded-state.js';
import { ArcKind, type CompiledNetwork, crossingSideOf } from '../network/compile.js';

/**
 * Shares of a demand are kept to a part in a billion. The equilibrium they come from is solved to a
 * relative gap of about 1e-4, and its flows carry rounding noise in their last bits that depends on
 * the order of the file's entries; below this resolution the noise would change the run.
 */
const SHARE_RESOLUTION = 1e-9;
const toResolution = (share: number) => Math.round(share / SHARE_RESOLUTION) * SHARE_RESOLUTION;

export interface DemandPart {
  /** The crossings and services (ids, sorted, joined by `+`) of this part's paths; keys its random stream. */
  readonly key: string | undefined;
  /** The compiled arcs of its largest path; undefined: the fastest route. */
  readonly arcs: readonly number[] | undefined;
  /** Tonnes offered to the run by this part, as a share of the demand on the date. */
  readonly share: number;
}

export interface DemandSplit {
  /** The demand's parts; none when the loaded network carries none of it. */
  readonly parts: readonly DemandPart[];
  /** The demand on the date over the demand as written: its growth to the date's year. */
  readonly growth: number;
  /** Share of the demand on the date the run leaves out: unserved, and no drivers on the way to give up. */
  readonly notOfferedShare: number;
}

/**
 * Whether a unit may give up at this arc: a crossing direction whose drivers balk at a long expected
 * wait or renege when their patience runs out.
 */
export function rationsAtCrossing(net: CompiledNetwork, arc: number): boolean {
  if (net.arcKind[arc] !== ArcKind.crossing) return false;
  const side = crossingSideOf(net, arc);
  return side.balkAboveWait !== undefined || side.patience !== undefined;
}

/**
 * For each demand of the network's loaded state on the date (its equilibrium, as route waits read
 * it), how the run offers it: the simulator sends each path's assigned flow along that path, so that
 * it loads each crossing, service and direction as the assignment does. Paths through the same
 * crossings and services are one part, run along the largest of them (links do not queue in the
 * simulation); every part is simulated, however small (a part of a path that carries a few tonnes a
 * year sends a truck now and then, as the assignment does), except one whose share is nil at
 * {@link SHARE_RESOLUTION}.
 *
 * The tonnes the assignment leaves unserved (its routes are full, or cost more than the freight is
 * worth) are offered only to parts that pass a crossing where drivers give up (balk or renege), in
 * proportion to their flow: there the simulated drivers who give up are the assignment's unserved
 * freight, rationed by the queue as it is at a congested road border. Elsewhere the unserved freight
 * is not offered: it is rationed before it sets off (a train path is booked, or not), so a full
 * crossing carries what the assignment puts through it rather than a queue that grows without end.
 */
export function equilibriumSplit(state: NetworkLoadedState): (demandId: string) => DemandSplit {
  const as = state.assignment;
  const g = as.graph;
  const net = state.net;
  interface Group {
    key: string;
    arcs: number[];
    largest: number;
    flow: number;
    rations: boolean;
  }
  // Paths in an order of their own (the ids of the elements they pass), not the order the search
  // found them in, so that the sums below, and so the run, do not depend on the order of the file.
  const elementId = (n: number) => {
    const i = net.arcElement[n]!;
    const kind = net.arcKind[n];
    const id =
      kind === ArcKind.crossing
        ? net.model.crossings[i]!.id
        : kind === ArcKind.service
          ? net.model.services[i]!.id
          : net.links[i]!.id;
    return `${id}${net.arcReversed[n] === 1 ? '<' : '>'}`;
  };
  const paths = as.paths
    .filter((p) => p.flow > 0)
    .map((p) => {
      const arcs = Array.from(p.arcs, (a) => g.arcNet[a]!).filter((n) => n >= 0);
      return { od: p.od, flow: p.flow, arcs, identity: arcs.map(elementId).join(' ') };
    })
    .sort((a, b) => a.od - b.od || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0));
  const byOd = new Map<number, Map<string, Group>>();
  for (const p of paths) {
    const used = new Set<string>();
    let rations = false;
    for (const n of p.arcs) {
      const kind = net.arcKind[n];
      if (kind === ArcKind.crossing) used.add(net.model.crossings[net.arcElement[n]!]!.id);
      else if (kind === ArcKind.service) used.add(net.model.services[net.arcElement[n]!]!.id);
      rations ||= rationsAtCrossing(net, n);
    }
    const key = [...used].sort().join('+');
    let groups = byOd.get(p.od);
    if (!groups) byOd.set(p.od, (groups = new Map()));
    const group = groups.get(key);
    if (!group) groups.set(key, { key, arcs: p.arcs, largest: p.flow, flow: p.flow, rations });
    else {
      group.flow += p.flow;
      if (p.flow > group.largest) Object.assign(group, { arcs: p.arcs, largest: p.flow });
    }
  }
  const written = new Map(networkDemand(net).map((o) => [o.id, o.tPerYear]));
  const byId = new Map<string, DemandSplit>();
  state.demand.forEach((od, k) => {
    const base = written.get(od.id);
    const growth = base !== undefined && base > 0 ? od.tPerYear / base : 1;
    const groups = [...(byOd.get(k)?.values() ?? [])].sort(
      (a, b) => b.flow - a.flow || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    const total = groups.reduce((s, x) => s + x.flow, 0);
    if (!(total > 0) || !(od.tPerYear > 0)) {
      byId.set(od.id, { parts: [], growth, notOfferedShare: 0 });
      return;
    }
    const kept = groups.filter((x, i) => i === 0 || toResolution(x.flow / od.tPerYear) > 0);
    const unserved = Math.max(0, od.tPerYear - total);
    const rationed = kept.filter((x) => x.rations).reduce((s, x) => s + x.flow, 0);
    const offered = (x: { flow: number; rations: boolean }) =>
      x.flow + (x.rations && rationed > 0 ? (unserved * x.flow) / rationed : 0);
    byId.set(od.id, {
      parts: kept.map((x) => ({ key: x.key, arcs: x.arcs, share: toResolution(offered(x) / od.tPerYear) })),
      growth,
      notOfferedShare: rationed > 0 ? 0 : unserved / od.tPerYear,
    });
  });
  return (id) => byId.get(id) ?? { parts: [], growth: 1, notOfferedShare: 0 };
}
