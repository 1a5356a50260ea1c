import { networkLoadedState } from '../flow/loaded-state.js';
import { cachedLoadedState } from '../flow/loaded-state-cache.js';
import type { Distribution } from '../model/distribution.js';
import { type Issue, issue } from '../model/issue.js';
import { MODES, type Mode, type NetworkModel } from '../model/schema.js';
import {
  ArcKind,
  arcModeName,
  type CompiledNetwork,
  type CrossingSide,
  compileNetwork,
  crossingSideOf,
  type ServiceSide,
} from '../network/compile.js';
import { type CompiledDemand, DAYS_PER_YEAR } from '../network/compile-demand.js';
import { bestRoute } from '../route/best-route.js';
import { corridorLabel } from '../route/corridor-label.js';
import { routeContext } from '../route/route-context.js';
import type { ArrivalPattern } from './arrival-process.js';
import type { AppointmentSettings } from './crossing-from-network.js';
import { type DemandPart, equilibriumSplit, rationsAtCrossing } from './demand-split.js';

import { LegType, type LegTypeValue } from './leg-type.js';

export { LegType, type LegTypeValue };

export interface LegPlan {
  readonly kind: LegTypeValue;
  /** Index into the file's links, crossings or services, or the node of a transshipment. */
  readonly element: number;
  /** Travelled from the element's `to` to its `from`. */
  readonly reversed: boolean;
  readonly distance_km: number;
  /** Units of the element's mode one consignment makes: pieces cleared at a crossing, slots on a service. */
  readonly units: number;
}

export interface TripRoute {
  readonly legs: readonly LegPlan[];
  /** For each leg, the route taken instead when the unit diverts there (-1: none). */
  readonly alternatives: readonly number[];
  readonly nodes: readonly string[];
  readonly distance_km: number;
  /** The corridor, as the route planner names it ("Northern via Dostyk and Brest"). */
  readonly label: string;
}

export interface DemandPlan {
  readonly id: string;
  /**
   * The crossings (ids, joined by `+`) of this part of a demand the loaded network splits over
   * several paths; undefined for a demand on one path. Keys the part's random stream.
   */
  readonly part?: string | undefined;
  /**
   * Share of the demand on the date this part offers to the run: its paths' assigned flow, plus a
   * share of the unserved tonnes where drivers on the way may give up (equilibriumSplit).
   */
  readonly share: number;
  /** `<from>-><to>`. */
  readonly od: string;
  readonly route: number;
  /** Tonnes one simulated consignment carries: the largest unit of the modes on its route. */
  readonly lot_t: number;
  /** The unit of that size (`train`, `truck`, …). */
  readonly unit: string;
  readonly lotsPerHour: number;
  readonly arrivals: ArrivalPattern;
  /** Local time minus simulation time for an hourly profile: the first crossing's time zone. */
  readonly offset_h: number;
  /** Relative rate in each month, January first, mean 1 (the compiled demand's); undefined: none. */
  readonly monthlyProfile?: readonly number[] | undefined;
}

export interface PlanOptions {
  readonly warmup_h: number;
  readonly end_h: number;
  /** Longest time the run goes on after `end_h` for the consignments that set off in the window to arrive. */
  readonly drain_h: number;
  /** Per crossing (file order): its e-queue asked for by the run (both directions), or null (default: none). */
  readonly appointments?: readonly (AppointmentSettings | null)[] | undefined;
  /** The e-queue of a crossing direction whose drivers use one in the network (default 1-h slots at the full rate). */
  readonly eQueue?: AppointmentSettings | undefined;
  /** A unit finding at least this many units ahead at a crossing diverts (default Infinity: never). */
  readonly divertQueue?: number | undefined;
  /** YYYY-MM-DD: route over the infrastructure in service that day (default: all). */
  readonly date?: string | undefined;
}

/** A crossing as the run needs it: names for the report, and each direction's compiled side. */
export interface SimCrossing {
  readonly id: string;
  readonly name: string;
  readonly mode: Mode;
  readonly from: string;
  readonly to: string;
  readonly sides: readonly [CrossingSide, CrossingSide | null];
}

export interface SimService {
  readonly id: string;
  readonly name: string;
  readonly sides: readonly [ServiceSide, ServiceSide | null];
}

export interface SimLink {
  readonly id: string;
  /** Travel time of each direction (the second null when one-way). */
  readonly time: readonly [Distribution, Distribution | null];
}

/** The network's elements, parsed (from the compiled network), in file order. */
export interface SimNetwork {
  readonly name: string | null;
  readonly crossings: readonly SimCrossing[];
  readonly services: readonly SimService[];
  readonly links: readonly SimLink[];
  /** Per node: its id, and its transshipment time (undefined when it declares none). */
  readonly nodes: readonly string[];
  readonly transshipment: readonly (Distribution | undefined)[];
}

export interface SimulationPlan extends PlanOptions {
  readonly appointments: readonly (AppointmentSettings | null)[];
  readonly divertQueue: number;
  readonly network: SimNetwork;
  readonly demands: readonly DemandPlan[];
  readonly routes: readonly TripRoute[];
  /** Demand entries not simulated, and why. */
  readonly skipped: readonly Issue[];
}

/** Tonnes a day a compiled demand asks to move. */
export function demandTonnesPerDay(d: CompiledDemand): number {
  return d.tPerYear / DAYS_PER_YEAR;
}

/** The parsed elements of a compiled network, as plain data. */
export function simNetwork(net: CompiledNetwork): SimNetwork {
  const model = net.model;
  return {
    name: model.name ?? null,
    crossings: model.crossings.map((c, i) => ({
      id: c.id,
      name: c.name,
      mode: c.mode,
      from: c.from,
      to: c.to,
      sides: net.crossings[i]!.sides,
    })),
    services: model.services.map((s, i) => ({ id: s.id, name: s.name, sides: net.services[i]!.sides })),
    links: net.links.map((l) => ({ id: l.id, time: [l.sides[0].time, l.sides[1]?.time ?? null] })),
    nodes: net.nodeIds,
    transshipment: net.transshipment.time,
  };
}

/**
 * Resolves routes and rates for every demand entry of the network, compiled as of `options.date`
 * (demand in tonnes and units from the compiled demand: one rule for route, flow and simulation).
 */
export function buildPlan(model: NetworkModel, options: PlanOptions): SimulationPlan {
  const appointments = options.appointments ?? model.crossings.map(() => null);
  const divertQueue = options.divertQueue ?? Number.POSITIVE_INFINITY;
  const net = compileNetwork(model, { date: options.date });
  // One equilibrium of the date: the routes' waits and the demand's split both read it (solved
  // before, when the model is the embedded dataset's and its snapshot caches that date).
  const loaded = cachedLoadedState(model, net, options.date) ?? networkLoadedState(net, options.date);
  const context = routeContext(net, { date: options.date, loaded });
  const routes: TripRoute[] = [];
  const demands: DemandPlan[] = [];
  const skipped: Issue[] = [];
  const unitOf: UnitOf = (mode) => net.modeUnit[MODES.indexOf(mode)];
  const splitOf = equilibriumSplit(loaded);
  for (const d of net.demand) {
    const query = {
      optimize: 'time' as const,
      context,
      date: options.date,
      ...(d.modes ? { modes: d.modes } : {}),
    };
    const split = splitOf(d.id);
    // Each part follows the path the loaded network sends that share of the demand by. A demand it
    // carries none of takes the fastest route (whose waits are the loaded network's), and only where
    // drivers on it give up, as the unserved part of the others is offered (see equilibriumSplit).
    const parts: readonly DemandPart[] =
      split.parts.length > 0 ? split.parts : [{ key: undefined, arcs: undefined, share: 1 }];
    let placed = 0;
    let notCarried = false;
    for (const part of parts) {
      const route =
        part.arcs !== undefined
          ? { arcs: part.arcs, label: corridorLabel(net, part.arcs) }
          : bestRoute(net, d.from, d.to, query);
      if (!route || route.arcs.length === 0) continue;
      if (part.arcs === undefined && !route.arcs.some((arc) => rationsAtCrossing(net, arc))) {
        notCarried = true;
        break;
      }
      let lot = { id: d.unit?.id ?? 't', t: 1 };
      for (const a of route.arcs) {
        const u = unitOf(arcModeName(net, a));
        if (u && u.t > lot.t) lot = u;
      }
      if (lot.t === 1 && d.unit !== undefined) lot = d.unit;
      const first = route.arcs.find((a) => net.arcKind[a] === ArcKind.crossing);
      const offset = first !== undefined ? crossingSideOf(net, first).utcOffsetH : 0;
      const routeIndex = routes.length;
      routes.push(routePlan(net, route.arcs, lot.t, unitOf, route.label));
      demands.push({
        id: d.id,
        ...(parts.length > 1 ? { part: part.key } : {}),
        share: part.share,
        od: `${d.from}->${d.to}`,
        route: routeIndex,
        lot_t: lot.t,
        unit: lot.id,
        lotsPerHour: (demandTonnesPerDay(d) * split.growth * part.share) / lot.t / 24,
        arrivals: d.arrivals,
        offset_h: offset,
        ...(d.monthlyProfile ? { monthlyProfile: d.monthlyProfile } : {}),
      });
      placed++;
      if (Number.isFinite(divertQueue))
        addAlternatives(net, routes, routeIndex, d, lot.t, unitOf, context, options);
    }
    const on = options.date === undefined ? '' : ` on ${options.date}`;
    if (notCarried)
      skipped.push(
        issue(
          'demand_no_route',
          ['demand', d.index],
          `${d.id}: the loaded network${on} carries none of it (its routes are full, or cost more than the freight is worth); not simulated`,
          'warning',
        ),
      );
    else if (placed === 0)
      skipped.push(
        issue('unknown_reference', ['demand', d.index], `${d.id}: no route in service; not simulated`),
      );
    else if (split.notOfferedShare > NOT_OFFERED_NOTICE)
      skipped.push(
        issue(
          'demand_no_route',
          ['demand', d.index],
          `${d.id}: ${mt(d.tPerYear * split.growth * split.notOfferedShare)} of ${mt(d.tPerYear * split.growth)} Mt/yr not simulated: the loaded network${on} cannot carry it (its routes are full)`,
          'warning',
        ),
      );
  }
  return { ...options, appointments, divertQueue, network: simNetwork(net), demands, routes, skipped };
}

/** A demand's part left out of the run is reported when it exceeds this share of the demand. */
const NOT_OFFERED_NOTICE = 0.005;

const mt = (tPerYear: number) => (tPerYear / 1e6).toFixed(2);

type UnitOf = (mode: Mode) => { id: string; t: number } | undefined;
/** Legs along compiled arcs, with a transshipment leg where the mode changes at a node that declares one. */
function routePlan(
  net: CompiledNetwork,
  arcs: readonly number[],
  lot_t: number,
  unitOf: UnitOf,
  label: string,
): TripRoute {
  const model = net.model;
  const legs: LegPlan[] = [];
  const nodes = [net.nodeIds[net.arcFrom[arcs[0]!]!]!];
  let distance = 0;
  let previous: Mode | undefined;
  for (const a of arcs) {
    const mode = arcModeName(net, a);
    const from = net.arcFrom[a]!;
    if (previous !== undefined && previous !== mode && model.nodes[from]!.transshipment) {
      legs.push({ kind: LegType.transshipment, element: from, reversed: false, distance_km: 0, units: 1 });
    }
    previous = mode;
    const unit = unitOf(mode);
    const units = unit ? Math.max(1, Math.round(lot_t / unit.t)) : 1;
    const kind = net.arcKind[a];
    const element = net.arcElement[a]!;
    const reversed = net.arcReversed[a] === 1;
    const km = net.arcDistanceKm[a]!;
    distance += km;
    if (kind === ArcKind.link)
      legs.push({ kind: LegType.link, element, reversed, distance_km: km, units: 1 });
    else if (kind === ArcKind.crossing)
      legs.push({ kind: LegType.crossing, element, reversed, distance_km: km, units });
    else legs.push({ kind: LegType.service, element, reversed, distance_km: km, units });
    nodes.push(net.nodeIds[net.arcTo[a]!]!);
  }
  return { legs, alternatives: legs.map(() => -1), nodes, distance_km: distance, label };
}

/**
 * For each crossing on a route, the fastest way on from the crossing's approach that avoids it and
 * passes another crossing of the same border and mode; a unit diverts at most once.
 */
function addAlternatives(
  net: CompiledNetwork,
  routes: TripRoute[],
  index: number,
  d: CompiledDemand,
  lot_t: number,
  unitOf: UnitOf,
  context: ReturnType<typeof routeContext>,
  options: PlanOptions,
): void {
  const model = net.model;
  const route = routes[index]!;
  const country = (node: string) => model.nodes[net.nodeIndex.get(node)!]!.country;
  const alternatives = [...route.alternatives];
  const modes = d.modes;
  route.legs.forEach((leg, i) => {
    if (leg.kind !== LegType.crossing) return;
    const c = model.crossings[leg.element]!;
    const [from, to] = leg.reversed ? [c.to, c.from] : [c.from, c.to];
    const alt = bestRoute(net, from, d.to, {
      optimize: 'time',
      context,
      avoid: [c.id],
      date: options.date,
      ...(modes ? { modes } : {}),
    });
    if (!alt || alt.arcs.length === 0) return;
    const sameBorder = alt.arcs.some((a) => {
      if (net.arcKind[a] !== ArcKind.crossing) return false;
      const other = model.crossings[net.arcElement[a]!]!;
      const [f, t] = net.arcReversed[a] === 1 ? [other.to, other.from] : [other.from, other.to];
      return other.mode === c.mode && country(f) === country(from) && country(t) === country(to);
    });
    if (!sameBorder) return;
    alternatives[i] = routes.length;
    routes.push(routePlan(net, alt.arcs, lot_t, unitOf, alt.label));
  });
  routes[index] = { ...route, alternatives };
}
