/**
 * The loaded network: for a date, the demand assigned at equilibrium (one flow per element and
 * direction), and from those flows the wait at each crossing's direction by the one queue model
 * (src/queueing) and at each service. Route waits, `assign`, `outlook` and `caravan check` read it, so
 * that they give the same wait for the same crossing and direction.
 */
import { DEFAULT_BASE_YEAR } from '../model/timeline.js';
import {
  ArcKind,
  type ArcKindName,
  type CompiledNetwork,
  compiledOn,
  dayNumber,
} from '../network/compile.js';
import { type QueueWait, queueWait } from '../queueing/crossing-queue.js';
import {
  type Assignment,
  type AssignOptions,
  assignEquilibrium,
  type EquilibriumSolution,
} from './assignment.js';
import { networkDemand, type OdDemand } from './demand.js';
import { demandInYear } from './demand-growth.js';
import { buildFlowGraph } from './flow-graph.js';
import type { FlowResource } from './resources.js';

const HOURS_PER_YEAR = 8760;

/**
 * The share of a capacity from which an equilibrium's delay is a ration rather than a queue's wait:
 * the assignment loads a capacity that the demand would overfill up to where the delay makes the
 * freight it leaves unserved rather not go, which near capacity is far beyond any wait a queue builds
 * over a season (`caravan assign` and `caravan route` say so where it happens).
 */
export const RATIONED_UTILIZATION = 0.99;

/** Whether a flow at this share of its capacity is rationed: at RATIONED_UTILIZATION or more, below capacity. */
export function isRationed(utilization: number | null): boolean {
  return utilization !== null && utilization >= RATIONED_UTILIZATION && utilization < 1;
}

/** The queue wait of a crossing direction's resource at a load in tonnes a year (zero load when it has no queue). */
export function resourceWait(r: FlowResource, loadTPerYear: number, arrivalCv2 = 1): QueueWait {
  if (!r.queue || r.unitT === undefined) return { meanH: 0, varH2: 0, utilization: 0 };
  return queueWait(r.queue, loadTPerYear / (HOURS_PER_YEAR * r.unitT), arrivalCv2);
}

/**
 * A capacity both directions of an element share, filled to RATIONED_UTILIZATION or more: the
 * assignment rations it by a delay every tonne through the element bears in either direction, on top
 * of the direction's own wait (which is all that route planning adds to a crossing).
 */
export interface SharedRation {
  readonly kind: ArcKindName;
  readonly id: string;
  /** Flow of both directions over the shared capacity. */
  readonly utilization: number;
  /** The ration, hours a tonne. */
  readonly delayH: number;
}

export interface LoadedState {
  readonly assignment: Assignment;
  /** Per compiled arc: tonnes an hour the assignment puts on it. */
  readonly arcLoadTPerH: Float64Array;
  /** Per compiled crossing arc: the queue wait at that load (mean Infinity at or above capacity); undefined elsewhere. */
  readonly crossingWait: readonly (QueueWait | undefined)[];
  /** The shared capacities the assignment rations, in the order of the network's elements. */
  readonly sharedRations: readonly SharedRation[];
}

export interface LoadedStateOptions extends AssignOptions {
  /** YYYY-MM-DD: the network in service that day carries the demand (default: every element). */
  readonly date?: string | undefined;
  readonly valueOfTimeUsdPerTH?: number | undefined;
  /**
   * The equilibrium of exactly this network, date, demand and options, solved before (the cache of
   * flow/loaded-state-cache.ts): the state is built from it instead of solving again.
   */
  readonly solution?: EquilibriumSolution | undefined;
}

/** The demand assigned at equilibrium on the network of a date, and the waits its flows make. */
export function loadedState(
  net: CompiledNetwork,
  demand: readonly OdDemand[],
  options: LoadedStateOptions = {},
): LoadedState {
  const graph = buildFlowGraph(net, {
    day: options.date !== undefined ? dayNumber(options.date) : undefined,
    valueOfTimeUsdPerTH: options.valueOfTimeUsdPerTH,
  });
  const assignment = assignEquilibrium(graph, demand, options, options.solution);
  return stateOf(net, assignment);
}

/** The waits of an assignment's flows, per compiled arc. */
export function stateOf(net: CompiledNetwork, assignment: Assignment): LoadedState {
  const graph = assignment.graph;
  const arcLoadTPerH = new Float64Array(net.arcCount);
  const arcResource = new Int32Array(net.arcCount).fill(-1);
  const res = assignment.resources;
  for (let a = 0; a < graph.arcCount; a++) {
    const n = graph.arcNet[a]!;
    if (n < 0) continue;
    arcLoadTPerH[n]! += assignment.arcFlow[a]! / HOURS_PER_YEAR;
    const e = graph.arcElement[a]!;
    arcResource[n] = res.sideResource[2 * e + net.arcReversed[n]!]!;
  }
  const crossingWait: (QueueWait | undefined)[] = [];
  for (let n = 0; n < net.arcCount; n++) {
    if (net.arcKind[n] !== ArcKind.crossing) {
      crossingWait.push(undefined);
      continue;
    }
    const r = arcResource[n]!;
    const x = r >= 0 ? res.list[r] : undefined;
    crossingWait.push(x?.queue ? resourceWait(x, assignment.resourceLoad[r]!) : undefined);
  }
  return { assignment, arcLoadTPerH, crossingWait, sharedRations: sharedRations(assignment) };
}

/** The shared capacities an assignment rations (see SharedRation). */
function sharedRations(assignment: Assignment): SharedRation[] {
  const rations: SharedRation[] = [];
  const res = assignment.resources;
  assignment.graph.elements.forEach((info, e) => {
    const r = res.sharedResource[e]!;
    if (r < 0) return;
    const utilization = assignment.elementLoad[e]! / res.list[r]!.capacityTPerYear;
    if (isRationed(utilization))
      rations.push({ kind: info.kind, id: info.id, utilization, delayH: assignment.resourceDelayH[r]! });
  });
  return rations;
}

/** The loaded network of a date, with the network compiled for that date and the demand it carries. */
export interface NetworkLoadedState extends LoadedState {
  readonly net: CompiledNetwork;
  readonly demand: readonly OdDemand[];
}

/**
 * The loaded network of a date, the one that route waits, `assign --year` and `caravan check` read:
 * the network as its dated changes leave it that day, its own demand grown to the date's year (from
 * 2024, at each entry's growth rate), assigned at equilibrium. Without a date: every element, the
 * demand as written. Returns the state on the network compiled for the date.
 */
export function networkLoadedState(
  net: CompiledNetwork,
  date: string | undefined,
  options: Omit<LoadedStateOptions, 'date'> = {},
): NetworkLoadedState {
  const dated = date !== undefined ? compiledOn(net, date) : net;
  const base = networkDemand(dated);
  const demand =
    date === undefined ? base : demandInYear(base, Number(date.slice(0, 4)), { baseYear: DEFAULT_BASE_YEAR });
  return { ...loadedState(dated, demand, { ...options, date }), net: dated, demand };
}
