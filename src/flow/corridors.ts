/**
 * Corridors and dependency: each path named as the route planner names corridors, tonnage by
 * corridor, and for each origin–destination flow the share of its tonnage through each country.
 */
import { MODES } from '../model/modes.js';
import { corridorLabel as routeCorridorLabel } from '../route/corridor-label.js';
import type { Assignment } from './assignment.js';

/** Countries a path passes through, in order, each once per stay. */
export function pathCountries(as: Assignment, arcs: ArrayLike<number>): string[] {
  const g = as.graph;
  const out: string[] = [];
  const push = (graphNode: number) => {
    const c = g.net.countries[g.net.nodeCountry[g.nodeModel[graphNode]!]!]!;
    if (out[out.length - 1] !== c) out.push(c);
  };
  if (arcs.length === 0) return out;
  push(g.arcFrom[arcs[0]!]!);
  for (let i = 0; i < arcs.length; i++) push(g.arcTo[arcs[i]!]!);
  return out;
}

/** A path's corridor, as `caravan plan` names it. */
export function pathCorridor(as: Assignment, arcs: ArrayLike<number>): string {
  const netArcs: number[] = [];
  for (let i = 0; i < arcs.length; i++) {
    const a = as.graph.arcNet[arcs[i]!]!;
    if (a >= 0) netArcs.push(a);
  }
  return routeCorridorLabel(as.graph.net, netArcs);
}

/**
 * The family of a corridor label — Northern, Middle Corridor, Southern, Overland or Sea — the part
 * of the planner's label before the places it passes.
 */
export function corridorFamily(label: string): string {
  if (label.startsWith('Sea')) return 'Sea';
  return label.split(' via ')[0]!;
}

/** A path's countries and, in order of first use, its modes: "CN–KZ–AZ–GE–TR (rail, ferry)". */
export function routeLabel(as: Assignment, arcs: ArrayLike<number>): string {
  const g = as.graph;
  const modes: string[] = [];
  for (let i = 0; i < arcs.length; i++) {
    const bit = g.arcModeBit[arcs[i]!]!;
    if (bit === 0) continue;
    const mode = MODES[31 - Math.clz32(bit)]!;
    if (!modes.includes(mode)) modes.push(mode);
  }
  return `${pathCountries(as, arcs).join('–')} (${modes.join(', ')})`;
}

export interface CorridorFlow {
  readonly corridor: string;
  readonly flow_t_per_year: number;
}

/** Tonnage by corridor, largest first. */
export function corridorFlows(as: Assignment): CorridorFlow[] {
  const by = new Map<string, number>();
  for (const p of as.paths) {
    const label = pathCorridor(as, p.arcs);
    by.set(label, (by.get(label) ?? 0) + p.flow);
  }
  return [...by]
    .map(([corridor, flow]) => ({ corridor, flow_t_per_year: flow }))
    .sort((a, b) => b.flow_t_per_year - a.flow_t_per_year || a.corridor.localeCompare(b.corridor));
}

/** Tonnage of each pair by corridor. */
export function odCorridorFlows(as: Assignment): Map<string, number>[] {
  const out = as.ods.map(() => new Map<string, number>());
  for (const p of as.paths) {
    const m = out[p.od]!;
    const label = pathCorridor(as, p.arcs);
    m.set(label, (m.get(label) ?? 0) + p.flow);
  }
  return out;
}

export interface CountryShare {
  readonly country: string;
  /** Share of the pair's served tonnage whose path passes through the country, 0..1. */
  readonly share: number;
}

export interface Dependency {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly served_t_per_year: number;
  /** Countries other than the origin's and the destination's, by share, largest first. */
  readonly transit: CountryShare[];
  /** The largest transit share: how much of the flow one country could stop. */
  readonly max_transit_share: number;
}

/** For each pair, the share of its tonnage through each transit country. */
export function dependencyTable(as: Assignment): Dependency[] {
  const served = new Float64Array(as.ods.length);
  const through = as.ods.map(() => new Map<string, number>());
  for (const p of as.paths) {
    served[p.od]! += p.flow;
    for (const c of new Set(pathCountries(as, p.arcs))) {
      const m = through[p.od]!;
      m.set(c, (m.get(c) ?? 0) + p.flow);
    }
  }
  const g = as.graph;
  const countryOf = (id: string) => {
    const v = g.net.nodeIndex.get(id);
    return v === undefined ? undefined : g.net.countries[g.net.nodeCountry[v]!];
  };
  return as.demand.map((d, k) => {
    const ends = new Set([countryOf(d.from), countryOf(d.to)]);
    const transit = [...through[k]!]
      .filter(([c]) => !ends.has(c))
      .map(([country, t]) => ({ country, share: served[k]! > 0 ? t / served[k]! : 0 }))
      .sort((a, b) => b.share - a.share || a.country.localeCompare(b.country));
    return {
      id: d.id,
      from: d.from,
      to: d.to,
      served_t_per_year: served[k]!,
      transit,
      max_transit_share: transit[0]?.share ?? 0,
    };
  });
}
