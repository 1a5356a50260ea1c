/**
 * The compiled network: the editable model turned once into compact arrays that algorithms run
 * on. Nodes are interned to integers; every link, crossing and service becomes one directed arc
 * per direction it can be travelled, with its attributes in typed arrays and a CSR adjacency.
 */
import {
  type Distribution,
  distributionMean,
  distributionVariance,
  parseDistribution,
} from '../model/distribution.js';
import { MODES, type Mode, type NetworkModel } from '../model/schema.js';

/** What kind of element an arc comes from. */
export const ArcKind = { link: 0, crossing: 1, service: 2 } as const;
export type ArcKindName = keyof typeof ArcKind;
export const ARC_KIND_NAMES: readonly ArcKindName[] = ['link', 'crossing', 'service'];

export interface CompiledNetwork {
  readonly model: NetworkModel;
  readonly nodeCount: number;
  readonly nodeIds: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Index into `countries` for each node. */
  readonly nodeCountry: Uint16Array;
  readonly countries: readonly string[];
  readonly lon: Float64Array;
  readonly lat: Float64Array;

  readonly arcCount: number;
  readonly arcFrom: Uint32Array;
  readonly arcTo: Uint32Array;
  /** ArcKind of each arc. */
  readonly arcKind: Uint8Array;
  /** Index of the element in model.links / model.crossings / model.services. */
  readonly arcElement: Uint32Array;
  /** Index into MODES. */
  readonly arcMode: Uint8Array;
  /** 1 when the arc runs from the element's `to` to its `from`. */
  readonly arcReversed: Uint8Array;
  readonly arcDistanceKm: Float64Array;
  /** Mean and variance of the time to traverse the arc, hours: travel for links and services, clearance (without queueing) for crossings. */
  readonly arcTimeMeanH: Float64Array;
  readonly arcTimeVarH2: Float64Array;
  /** Money cost per tonne to traverse the arc (tariffs, fees, fares, gauge change), USD. */
  readonly arcCostUsdPerT: Float64Array;
  /** Capacity in tonnes per year; Infinity when none is given. Shared by both directions of an element. */
  readonly arcCapacityTPerYear: Float64Array;
  /** First and last day of service as days since 1970-01-01 (-Infinity / Infinity when open-ended). */
  readonly arcOpensDay: Float64Array;
  readonly arcClosesDay: Float64Array;

  /** CSR adjacency: the arcs leaving node v are outArcs[outStart[v] .. outStart[v+1]). */
  readonly outStart: Uint32Array;
  readonly outArcs: Uint32Array;
  /** The arcs entering node v are inArcs[inStart[v] .. inStart[v+1]). */
  readonly inStart: Uint32Array;
  readonly inArcs: Uint32Array;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** Whether an arc is in service on a day (a day number). */
export function arcOpenOn(net: CompiledNetwork, arc: number, day: number): boolean {
  return net.arcOpensDay[arc]! <= day && day < net.arcClosesDay[arc]!;
}

/** The id of the element an arc comes from. */
export function arcElementId(net: CompiledNetwork, arc: number): string {
  const e = net.arcElement[arc]!;
  switch (net.arcKind[arc]) {
    case ArcKind.link:
      return net.model.links[e]!.id!;
    case ArcKind.crossing:
      return net.model.crossings[e]!.id;
    default:
      return net.model.services[e]!.id;
  }
}

export function arcModeName(net: CompiledNetwork, arc: number): Mode {
  return MODES[net.arcMode[arc]!]!;
}

function dist(text: string): Distribution {
  const p = parseDistribution(text);
  if ('error' in p) throw new Error(`compile: invalid distribution "${text}" in a validated network`);
  return p.dist;
}

/** Tonnes per unit of a mode's unit, for converting per-unit money into per-tonne money. */
export function modeUnitTonnes(model: NetworkModel, mode: Mode): number | undefined {
  const unitId = model.modes[mode]?.unit;
  return model.units.find((u) => u.id === unitId)?.t;
}

/** Compiles a validated network into arrays. */
export function compileNetwork(model: NetworkModel): CompiledNetwork {
  const nodeIds = model.nodes.map((n) => n.id);
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const countries = [...new Set(model.nodes.map((n) => n.country))].sort();
  const countryIndex = new Map(countries.map((c, i) => [c, i]));
  const n = nodeIds.length;

  interface Arc {
    from: number;
    to: number;
    kind: number;
    element: number;
    mode: number;
    reversed: number;
    distance: number;
    mean: number;
    variance: number;
    cost: number;
    capacity: number;
    opens: number;
    closes: number;
  }
  const arcs: Arc[] = [];
  const perT = (mode: Mode, perUnit: number | undefined) => {
    if (!perUnit) return 0;
    const t = modeUnitTonnes(model, mode);
    return t ? perUnit / t : 0;
  };
  const push = (
    e: {
      from: string;
      to: string;
      bidirectional: boolean;
      opens?: string | undefined;
      closes?: string | undefined;
      capacity_t_per_year?: number | undefined;
      mode: Mode;
    },
    kind: number,
    element: number,
    distance: number,
    mean: number,
    variance: number,
    cost: number,
  ) => {
    const base = {
      kind,
      element,
      mode: MODES.indexOf(e.mode),
      distance,
      mean,
      variance,
      cost,
      capacity: e.capacity_t_per_year ?? Number.POSITIVE_INFINITY,
      opens: e.opens ? dayNumber(e.opens) : Number.NEGATIVE_INFINITY,
      closes: e.closes ? dayNumber(e.closes) : Number.POSITIVE_INFINITY,
    };
    const a = nodeIndex.get(e.from)!;
    const b = nodeIndex.get(e.to)!;
    arcs.push({ ...base, from: a, to: b, reversed: 0 });
    if (e.bidirectional) arcs.push({ ...base, from: b, to: a, reversed: 1 });
  };

  model.links.forEach((l, i) => {
    let mean: number;
    let variance: number;
    if (l.time !== undefined) {
      const d = dist(l.time);
      mean = distributionMean(d);
      variance = distributionVariance(d);
    } else {
      mean = l.distance_km / l.speed_kmh!;
      variance = 0;
    }
    const cost =
      (l.cost_usd_per_t_km ?? 0) * l.distance_km +
      (l.cost_usd_per_t ?? 0) +
      perT(l.mode, l.cost_usd_per_unit);
    push(l, ArcKind.link, i, l.distance_km, mean, variance, cost);
  });

  model.crossings.forEach((c, i) => {
    let mean = 0;
    let variance = 0;
    for (const s of c.steps) {
      // A step taken with probability p, repeated with probability r each time: N ~ p·Geometric(1-r) passes.
      const d = dist(s.time);
      const m = distributionMean(d);
      const v = distributionVariance(d);
      const passes = s.probability / (1 - Math.min(s.repeat, 0.999999));
      const passesVar = (s.probability * (1 + s.repeat)) / (1 - s.repeat) ** 2 - passes * passes;
      mean += passes * m;
      variance += passes * v + passesVar * m * m;
    }
    if (c.gauge_change) {
      const d = dist(c.gauge_change.time);
      mean += distributionMean(d);
      variance += distributionVariance(d);
    }
    const cost = perT(c.mode, c.fees_usd_per_unit) + perT(c.mode, c.gauge_change?.cost_usd_per_unit);
    push(c, ArcKind.crossing, i, c.distance_km, mean, variance, cost);
  });

  model.services.forEach((s, i) => {
    const d = dist(s.time);
    push(
      s,
      ArcKind.service,
      i,
      s.distance_km,
      distributionMean(d),
      distributionVariance(d),
      perT(s.mode, s.fare_usd_per_unit),
    );
  });

  const m = arcs.length;
  const net = {
    model,
    nodeCount: n,
    nodeIds,
    nodeIndex,
    nodeCountry: Uint16Array.from(model.nodes, (node) => countryIndex.get(node.country)!),
    countries,
    lon: Float64Array.from(model.nodes, (node) => node.lon),
    lat: Float64Array.from(model.nodes, (node) => node.lat),
    arcCount: m,
    arcFrom: Uint32Array.from(arcs, (a) => a.from),
    arcTo: Uint32Array.from(arcs, (a) => a.to),
    arcKind: Uint8Array.from(arcs, (a) => a.kind),
    arcElement: Uint32Array.from(arcs, (a) => a.element),
    arcMode: Uint8Array.from(arcs, (a) => a.mode),
    arcReversed: Uint8Array.from(arcs, (a) => a.reversed),
    arcDistanceKm: Float64Array.from(arcs, (a) => a.distance),
    arcTimeMeanH: Float64Array.from(arcs, (a) => a.mean),
    arcTimeVarH2: Float64Array.from(arcs, (a) => a.variance),
    arcCostUsdPerT: Float64Array.from(arcs, (a) => a.cost),
    arcCapacityTPerYear: Float64Array.from(arcs, (a) => a.capacity),
    arcOpensDay: Float64Array.from(arcs, (a) => a.opens),
    arcClosesDay: Float64Array.from(arcs, (a) => a.closes),
    ...csr(
      n,
      arcs.map((a) => a.from),
    ),
    ...renameIn(
      csr(
        n,
        arcs.map((a) => a.to),
      ),
    ),
  };
  return net;
}

function csr(n: number, keys: readonly number[]): { outStart: Uint32Array; outArcs: Uint32Array } {
  const start = new Uint32Array(n + 1);
  for (const k of keys) start[k + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const arcs = new Uint32Array(keys.length);
  keys.forEach((k, a) => {
    arcs[fill[k]!++] = a;
  });
  return { outStart: start, outArcs: arcs };
}

function renameIn(c: { outStart: Uint32Array; outArcs: Uint32Array }): {
  inStart: Uint32Array;
  inArcs: Uint32Array;
} {
  return { inStart: c.outStart, inArcs: c.outArcs };
}
