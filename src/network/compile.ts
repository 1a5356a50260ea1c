/**
 * The compiled network: the editable model turned once into compact arrays that algorithms run
 * on. Nodes are interned to integers; every link, crossing and service becomes one directed arc
 * per direction it can be travelled, with its attributes in typed arrays. The graphs searches run
 * on are built from these arcs by src/graph (CSR, mode-expanded graph).
 */
import { parseHours, utcOffsetHours, type WeeklyCalendar } from '../model/calendar.js';
import { directionView } from '../model/direction.js';
import {
  type Distribution,
  distributionMean,
  distributionVariance,
  parseDistribution,
} from '../model/distribution.js';
import { parseDuration } from '../model/duration.js';
import { MODES, type Mode } from '../model/modes.js';
import type { CrossingModel, LinkModel, NetworkModel, ServiceModel } from '../model/schema.js';
import { networkOn } from '../model/timeline.js';
import { trainTonnes } from '../model/train-unit.js';
import { type CompiledDemand, compileDemand } from './compile-demand.js';
import { crossingUnitsPerH } from './crossing-clearance-rate.js';

/** What kind of element an arc comes from. */
export const ArcKind = { link: 0, crossing: 1, service: 2 } as const;
export type ArcKindName = keyof typeof ArcKind;
export const ARC_KIND_NAMES: readonly ArcKindName[] = ['link', 'crossing', 'service'];

/** One step of a crossing's clearance, parsed. */
export interface CompiledStep {
  readonly name: string;
  readonly time: Distribution;
  readonly probability: number;
  readonly repeat: number;
}

/** One direction of a border crossing, as the models read it. */
export interface CrossingSide {
  /** Lanes (tracks) in this direction. */
  readonly lanes: number;
  readonly hours: string;
  readonly calendar: WeeklyCalendar;
  /** Local time minus UTC at the crossing, hours. */
  readonly utcOffsetH: number;
  readonly steps: readonly CompiledStep[];
  readonly gaugeChange: Distribution | undefined;
  readonly quotaUnitsPerDay: number | undefined;
  readonly priorityShare: number;
  readonly feesUsdPerUnit: number;
  readonly gaugeChangeUsdPerUnit: number;
  readonly priorityFeeUsdPerUnit: number;
  /** Time a unit holds a lane, hours: the steps with their probabilities and geometric repeats, and the gauge change. */
  readonly clearanceMeanH: number;
  readonly clearanceVarH2: number;
  /**
   * Units cleared an hour under a standing queue, on average over the week (lanes, opening hours,
   * clearance and daily quota: crossing-clearance-rate.ts), and which of lanes and quota limits it.
   */
  readonly saturatedUnitsPerH: number;
  readonly saturatedBinding: 'lanes' | 'quota';
  /** Capacity declared for this direction alone, tonnes a year; Infinity when none. */
  readonly declaredCapacityTPerYear: number;
  /** Drivers' balking threshold on the expected wait, and their patience (undefined: none). */
  readonly balkAboveWait: Distribution | undefined;
  readonly patience: Distribution | undefined;
  /** Units wait off the border in an e-queue backlog. */
  readonly eQueue: boolean;
  /** Units already waiting when a run starts. */
  readonly backlogAtStartUnits: number;
}

/** One direction of a link. */
export interface LinkSide {
  readonly time: Distribution;
  readonly costUsdPerT: number;
  readonly declaredCapacityTPerYear: number;
}

/** One direction of a scheduled service. */
export interface ServiceSide {
  /** Sailing (or running) time, departure to arrival. */
  readonly time: Distribution;
  readonly departuresPerWeek: number | undefined;
  readonly departsWhenFull: boolean;
  readonly maxWaitH: number | undefined;
  /** Units one departure carries. */
  readonly capacityUnits: number;
  readonly fareUsdPerUnit: number;
  /** Share of the scheduled departures that sail in each month, January first; undefined: all. */
  readonly monthlyProfile: readonly number[] | undefined;
  readonly declaredCapacityTPerYear: number;
}

/** An element's two directions (the second null when it is one-way) and the capacity they share. */
export interface Sided<S> {
  readonly id: string;
  /** [from → to, to → from]. */
  readonly sides: readonly [S, S | null];
  /** Capacity declared for both directions together, tonnes a year; Infinity when none. */
  readonly sharedCapacityTPerYear: number;
}

/** Handling where cargo changes mode, per node. */
export interface CompiledTransshipment {
  readonly time: readonly (Distribution | undefined)[];
  readonly timeMeanH: Float64Array;
  readonly timeVarH2: Float64Array;
  readonly costUsdPerT: Float64Array;
  /** 1 where a route may change mode: the nodes that declare a transshipment (every node if none does). */
  readonly at: Uint8Array;
  /** Whether any node has a transshipment time or cost. */
  readonly any: boolean;
}

/** The unit a mode carries. */
export interface ModeUnit {
  readonly id: string;
  readonly t: number;
}

export interface CompileOptions {
  /** YYYY-MM-DD: the network as its dated changes (`timeline`) leave it that day; default: as written. */
  readonly date?: string | undefined;
}

export interface CompiledNetwork {
  /** The network as of `date`: every entry's dated changes of that day applied. */
  readonly model: NetworkModel;
  /** The day the network stands on, or undefined for the entries as written. */
  readonly date: string | undefined;
  /** Per mode (index into MODES): the unit it carries, when the network says. */
  readonly modeUnit: readonly (ModeUnit | undefined)[];
  /** Per file entry, parsed: links, crossings and services by direction. */
  readonly links: readonly Sided<LinkSide>[];
  readonly crossings: readonly Sided<CrossingSide>[];
  readonly services: readonly Sided<ServiceSide>[];
  readonly transshipment: CompiledTransshipment;
  /** Tonnes a year each node handles at most (Infinity when the network gives none). */
  readonly nodeCapacityTPerYear: Float64Array;
  /** The demand, converted once: tonnes and units, modes allowed, arrivals. */
  readonly demand: readonly CompiledDemand[];
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
  /** Capacity declared for the arc's direction alone, tonnes a year; Infinity when none (see `Sided` for shared ones). */
  readonly arcCapacityTPerYear: Float64Array;
  /** First and last day of service as days since 1970-01-01 (-Infinity / Infinity when open-ended). */
  readonly arcOpensDay: Float64Array;
  readonly arcClosesDay: Float64Array;
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

/**
 * The capacity a link, crossing or service declares for both directions together, tonnes a year, by
 * the rule the compiled network uses ({@link declaredCapacity}), without compiling it: for the border
 * capacity of the network as written over its dates, so that it is the figure the analyses use.
 */
export function sharedCapacityOf(
  model: NetworkModel,
  element: CapacityFields & { readonly mode: Mode },
): number {
  return declaredCapacity(element, modeUnitTonnes(model, element.mode), trainTonnes(model));
}

/** Tonnes per unit of a mode's unit, for converting per-unit money into per-tonne money. */
export function modeUnitTonnes(model: NetworkModel, mode: Mode): number | undefined {
  const unitId = model.modes[mode]?.unit;
  return model.units.find((u) => u.id === unitId)?.t;
}

interface CapacityFields {
  readonly capacity_t_per_year?: number | undefined;
  readonly capacity_units_per_day?: number | undefined;
  readonly capacity_trains_per_day?: number | undefined;
}

/**
 * A declared capacity in tonnes a year: the least of the figures given (`capacity_t_per_year`,
 * units per day × the mode's unit × 365, trains per day × the `train` unit's tonnes × 365); Infinity when none.
 */
function declaredCapacity(
  fields: CapacityFields,
  unitT: number | undefined,
  trainT: number | undefined,
): number {
  let cap = Number.POSITIVE_INFINITY;
  if (fields.capacity_t_per_year !== undefined) cap = Math.min(cap, fields.capacity_t_per_year);
  if (fields.capacity_units_per_day !== undefined && unitT !== undefined)
    cap = Math.min(cap, fields.capacity_units_per_day * unitT * 365);
  if (fields.capacity_trains_per_day !== undefined && trainT !== undefined)
    cap = Math.min(cap, fields.capacity_trains_per_day * trainT * 365);
  return cap;
}

/** Mean and variance of a clearance: a step taken with probability p, repeated with probability r each time, makes N ~ p·Geometric(1−r) passes. */
function clearanceMoments(steps: readonly CompiledStep[], gauge: Distribution | undefined) {
  let mean = 0;
  let variance = 0;
  for (const s of steps) {
    const m = distributionMean(s.time);
    const v = distributionVariance(s.time);
    const passes = s.probability / (1 - Math.min(s.repeat, 0.999999));
    const passesVar = (s.probability * (1 + s.repeat)) / (1 - s.repeat) ** 2 - passes * passes;
    mean += passes * m;
    variance += passes * v + passesVar * m * m;
  }
  if (gauge) {
    mean += distributionMean(gauge);
    variance += distributionVariance(gauge);
  }
  return { mean, variance };
}

/**
 * The compiled network as its dated changes (capacity steps, closures) leave it on a day: `net` itself
 * when it was compiled for that day, else the written network compiled again for it. The arcs keep
 * their indices (a dated change alters figures, not the graph); if they would not, `net` is kept.
 */
export function compiledOn(net: CompiledNetwork, date: string): CompiledNetwork {
  if (net.date === date) return net;
  const dated = compileNetwork(net.model, { date });
  return dated.arcCount === net.arcCount ? dated : net;
}

/**
 * Compiles a validated network into arrays, once: every text value parsed (distributions, calendars,
 * time zones, durations), every figure converted (per-unit money to per tonne, capacities to tonnes a
 * year, demand to tonnes and units). With a date, the network as its dated changes leave it that day.
 */
export function compileNetwork(written: NetworkModel, options: CompileOptions = {}): CompiledNetwork {
  const model = options.date !== undefined ? networkOn(written, options.date) : written;
  const nodeIds = model.nodes.map((n) => n.id);
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const countries = [...new Set(model.nodes.map((n) => n.country))].sort();
  const countryIndex = new Map(countries.map((c, i) => [c, i]));
  const n = nodeIds.length;
  const modeUnit = MODES.map((mode): ModeUnit | undefined => {
    const id = model.modes[mode]?.unit;
    const t = modeUnitTonnes(model, mode);
    return id !== undefined && t !== undefined ? { id, t } : undefined;
  });
  const unitOf = (mode: Mode) => modeUnit[MODES.indexOf(mode)];
  const trainT = trainTonnes(model);
  const perT = (mode: Mode, perUnit: number | undefined) => {
    const u = unitOf(mode);
    return perUnit && u ? perUnit / u.t : 0;
  };

  const links = model.links.map((l): Sided<LinkSide> => {
    const side = (reversed: boolean): LinkSide => {
      const v = directionView(l, reversed) as LinkModel;
      return {
        time: v.time !== undefined ? dist(v.time) : { kind: 'const', value_h: l.distance_km / v.speed_kmh! },
        costUsdPerT:
          (v.cost_usd_per_t_km ?? 0) * l.distance_km +
          (v.cost_usd_per_t ?? 0) +
          perT(l.mode, v.cost_usd_per_unit),
        declaredCapacityTPerYear: declaredCapacity(ownCapacity(l, reversed), unitOf(l.mode)?.t, trainT),
      };
    };
    return {
      id: l.id!,
      sides: [side(false), l.bidirectional ? side(true) : null],
      sharedCapacityTPerYear: declaredCapacity(l, unitOf(l.mode)?.t, trainT),
    };
  });

  const crossings = model.crossings.map((c): Sided<CrossingSide> => {
    const side = (reversed: boolean): CrossingSide => {
      const v = directionView(c, reversed) as CrossingModel;
      const hours = parseHours(v.hours);
      if ('error' in hours)
        throw new Error(`compile: crossing ${c.id}: invalid hours in a validated network`);
      const tz = utcOffsetHours(v.tz);
      if ('error' in tz)
        throw new Error(`compile: crossing ${c.id}: invalid time zone in a validated network`);
      const steps = v.steps.map((s) => ({
        name: s.name,
        time: dist(s.time),
        probability: s.probability,
        repeat: s.repeat,
      }));
      const gaugeChange = c.gauge_change ? dist(c.gauge_change.time) : undefined;
      const moments = clearanceMoments(steps, gaugeChange);
      const saturated = crossingUnitsPerH({
        lanes: v.lanes,
        calendar: hours.calendar,
        clearanceMeanH: moments.mean,
        clearanceVarH2: moments.variance,
        quotaUnitsPerDay: v.quota_units_per_day,
        eQueue: v.drivers?.e_queue ?? false,
      });
      return {
        lanes: v.lanes,
        hours: v.hours,
        calendar: hours.calendar,
        utcOffsetH: tz.hours,
        steps,
        gaugeChange,
        quotaUnitsPerDay: v.quota_units_per_day,
        priorityShare: v.priority_share ?? 0,
        feesUsdPerUnit: v.fees_usd_per_unit ?? 0,
        gaugeChangeUsdPerUnit: c.gauge_change?.cost_usd_per_unit ?? 0,
        priorityFeeUsdPerUnit: c.priority_fee_usd_per_unit ?? 0,
        clearanceMeanH: moments.mean,
        clearanceVarH2: moments.variance,
        saturatedUnitsPerH: saturated.unitsPerH,
        saturatedBinding: saturated.binding,
        declaredCapacityTPerYear: declaredCapacity(ownCapacity(c, reversed), unitOf(c.mode)?.t, trainT),
        balkAboveWait: v.drivers?.balk_above_wait !== undefined ? dist(v.drivers.balk_above_wait) : undefined,
        patience: v.drivers?.patience !== undefined ? dist(v.drivers.patience) : undefined,
        eQueue: v.drivers?.e_queue ?? false,
        backlogAtStartUnits: v.drivers?.backlog_at_start_units ?? 0,
      };
    };
    return {
      id: c.id,
      sides: [side(false), c.bidirectional ? side(true) : null],
      sharedCapacityTPerYear: declaredCapacity(c, unitOf(c.mode)?.t, trainT),
    };
  });

  const services = model.services.map((s): Sided<ServiceSide> => {
    const time = dist(s.time);
    const maxWait = s.max_wait !== undefined ? parseDuration(s.max_wait) : undefined;
    const side = (reversed: boolean): ServiceSide => {
      const v = directionView(s, reversed) as ServiceModel;
      return {
        time,
        departuresPerWeek: v.departures_per_week,
        departsWhenFull: s.departs_when_full,
        maxWaitH: maxWait && 'hours' in maxWait ? maxWait.hours : undefined,
        capacityUnits: v.capacity_units,
        fareUsdPerUnit: v.fare_usd_per_unit ?? 0,
        monthlyProfile: s.monthly_profile,
        declaredCapacityTPerYear: declaredCapacity(ownCapacity(s, reversed), unitOf(s.mode)?.t, trainT),
      };
    };
    return {
      id: s.id,
      sides: [side(false), s.bidirectional ? side(true) : null],
      sharedCapacityTPerYear: declaredCapacity(s, unitOf(s.mode)?.t, trainT),
    };
  });

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
  const push = (
    e: { from: string; to: string; opens?: string | undefined; closes?: string | undefined; mode: Mode },
    kind: number,
    element: number,
    distance: number,
    side: (reversed: boolean) => { mean: number; variance: number; cost: number; capacity: number } | null,
  ) => {
    const mode = MODES.indexOf(e.mode);
    // A dated closure (`closed: true` in a timeline change holding on the compiled date): never in service.
    const opens = (e as { closed?: boolean }).closed
      ? Number.POSITIVE_INFINITY
      : e.opens
        ? dayNumber(e.opens)
        : Number.NEGATIVE_INFINITY;
    const closes = e.closes ? dayNumber(e.closes) : Number.POSITIVE_INFINITY;
    const a = nodeIndex.get(e.from)!;
    const b = nodeIndex.get(e.to)!;
    // Every field written out, not spread: spreading objects of several shapes takes V8's slow path,
    // which was more than half of compiling the default network (5.0 → 1.9 ms once warm).
    const arc = (
      s: { mean: number; variance: number; cost: number; capacity: number },
      from: number,
      to: number,
      reversed: number,
    ): Arc => ({
      from,
      to,
      kind,
      element,
      mode,
      reversed,
      distance,
      mean: s.mean,
      variance: s.variance,
      cost: s.cost,
      capacity: s.capacity,
      opens,
      closes,
    });
    arcs.push(arc(side(false)!, a, b, 0));
    const back = side(true);
    if (back) arcs.push(arc(back, b, a, 1));
  };

  model.links.forEach((l, i) => {
    push(l, ArcKind.link, i, l.distance_km, (reversed) => {
      const s = links[i]!.sides[reversed ? 1 : 0];
      return s
        ? {
            mean: distributionMean(s.time),
            variance: distributionVariance(s.time),
            cost: s.costUsdPerT,
            capacity: s.declaredCapacityTPerYear,
          }
        : null;
    });
  });

  model.crossings.forEach((c, i) => {
    push(c, ArcKind.crossing, i, c.distance_km, (reversed) => {
      const s = crossings[i]!.sides[reversed ? 1 : 0];
      return s
        ? {
            mean: s.clearanceMeanH,
            variance: s.clearanceVarH2,
            cost: perT(c.mode, s.feesUsdPerUnit) + perT(c.mode, s.gaugeChangeUsdPerUnit),
            capacity: s.declaredCapacityTPerYear,
          }
        : null;
    });
  });

  model.services.forEach((sv, i) => {
    push(sv, ArcKind.service, i, sv.distance_km, (reversed) => {
      const s = services[i]!.sides[reversed ? 1 : 0];
      return s
        ? {
            mean: distributionMean(s.time),
            variance: distributionVariance(s.time),
            cost: perT(sv.mode, s.fareUsdPerUnit),
            capacity: s.declaredCapacityTPerYear,
          }
        : null;
    });
  });

  const m = arcs.length;
  const net = {
    model,
    date: options.date,
    modeUnit,
    links,
    crossings,
    services,
    transshipment: compileTransshipment(model),
    nodeCapacityTPerYear: Float64Array.from(
      model.nodes,
      (node) => node.capacity_t_per_year ?? Number.POSITIVE_INFINITY,
    ),
    demand: compileDemand(model, nodeIndex),
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
  };
  return net;
}

/** The capacity fields a direction declares for itself. */
function ownCapacity(
  e: { from: string; to: string; directions?: Readonly<Record<string, CapacityFields>> | undefined },
  reversed: boolean,
): CapacityFields {
  const key = reversed ? `${e.to}->${e.from}` : `${e.from}->${e.to}`;
  return e.directions?.[key] ?? {};
}

/** Handling time (its distribution, mean, variance) and cost per tonne at each node. */
function compileTransshipment(model: NetworkModel): CompiledTransshipment {
  const count = model.nodes.length;
  const time: (Distribution | undefined)[] = [];
  const timeMeanH = new Float64Array(count);
  const timeVarH2 = new Float64Array(count);
  const costUsdPerT = new Float64Array(count);
  const at = new Uint8Array(count);
  let any = false;
  model.nodes.forEach((node, i) => {
    const t = node.transshipment;
    if (!t) {
      time.push(undefined);
      return;
    }
    at[i] = 1;
    const d = dist(t.time);
    time.push(d);
    timeMeanH[i] = distributionMean(d);
    timeVarH2[i] = distributionVariance(d);
    costUsdPerT[i] = t.cost_usd_per_t ?? 0;
    any ||= timeMeanH[i]! > 0 || timeVarH2[i]! > 0 || costUsdPerT[i]! > 0;
  });
  if (!model.nodes.some((node) => node.transshipment)) at.fill(1);
  return { time, timeMeanH, timeVarH2, costUsdPerT, at, any };
}

/** The side of the element an arc runs along. */
export function crossingSideOf(net: CompiledNetwork, arc: number): CrossingSide {
  return net.crossings[net.arcElement[arc]!]!.sides[net.arcReversed[arc]!]!;
}

export function serviceSideOf(net: CompiledNetwork, arc: number): ServiceSide {
  return net.services[net.arcElement[arc]!]!.sides[net.arcReversed[arc]!]!;
}

export function linkSideOf(net: CompiledNetwork, arc: number): LinkSide {
  return net.links[net.arcElement[arc]!]!.sides[net.arcReversed[arc]!]!;
}
