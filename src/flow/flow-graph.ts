/**
 * The graph flows are assigned on, for one day and scenario: arcs with money, free time and value of
 * time; nodes split by mode so that cargo changes mode only where a transshipment is declared.
 */

import { ArcRole, type NetworkModeGraph, networkModeGraph } from '../graph/mode-graph.js';
import { MODES, type Mode } from '../model/modes.js';
import { ArcKind, type CompiledNetwork, crossingSideOf, serviceSideOf } from '../network/compile.js';
import { closedWaitH } from '../queueing/crossing-queue.js';
import { arcElementIndex, type ElementInfo, elementInfos } from './elements.js';

/** Value of time when neither the options nor the network's `modes` give one, USD per tonne-hour. */
export const DEFAULT_VALUE_OF_TIME_USD_PER_T_H = 0.5;

export interface FlowGraphOptions {
  /** Day number (days since 1970-01-01): only elements in service that day. Default: all elements. */
  readonly day?: number | undefined;
  /** Compiled arcs taken out of service (1 = closed). */
  readonly closedArcs?: Uint8Array | undefined;
  /** Model nodes taken out of service (1 = closed), with every arc touching them. */
  readonly closedNodes?: Uint8Array | undefined;
  /** One value of time for every mode, USD per tonne-hour; overrides the network's `modes`. */
  readonly valueOfTimeUsdPerTH?: number | undefined;
}

export interface FlowGraph extends NetworkModeGraph {
  readonly elements: readonly ElementInfo[];
  /** Element (see elements.ts) of each graph arc; -1 for a mode change or a zone connector. */
  readonly arcElement: Int32Array;
  readonly arcMoneyUsdPerT: Float64Array;
  /** Time without congestion: travel or clearance, plus the mean wait for a departure or an opening, hours. */
  readonly arcTimeH: Float64Array;
  readonly arcValueOfTime: Float64Array;
  /** Generalized cost without congestion: money + value of time × free time, USD per tonne. */
  readonly arcBaseCost: Float64Array;
  /** Value of time of each element's mode, USD per tonne-hour. */
  readonly elementValueOfTime: Float64Array;
  /** 1 when the element is in the graph (open and not removed). */
  readonly elementOpen: Uint8Array;
}

/** Builds the assignment graph of a compiled network. */
export function buildFlowGraph(net: CompiledNetwork, options: FlowGraphOptions = {}): FlowGraph {
  const model = net.model;
  const vot = (mode: Mode) =>
    options.valueOfTimeUsdPerTH ??
    model.modes[mode]?.value_of_time_usd_per_t_h ??
    DEFAULT_VALUE_OF_TIME_USD_PER_T_H;
  const elements = elementInfos(net);
  const elementOfArc = arcElementIndex(net);
  // Cargo changes mode only where a transshipment is declared, as in route planning (graph/mode-graph.ts).
  const graph = networkModeGraph(net, {
    day: options.day,
    closedArcs: options.closedArcs,
    closedNodes: options.closedNodes,
  });
  const m = graph.arcCount;
  const arcElement = new Int32Array(m).fill(-1);
  const arcMoney = new Float64Array(m);
  const arcTime = new Float64Array(m);
  const arcVot = new Float64Array(m);
  const arcBase = new Float64Array(m);
  const elementValueOfTime = Float64Array.from(elements, (e) => vot(e.mode));
  const elementOpen = new Uint8Array(elements.length);
  const waits = serviceAndOpeningWaits(net, elements);
  const trans = net.transshipment;
  for (let i = 0; i < m; i++) {
    const a = graph.arcNet[i]!;
    if (a >= 0) {
      const e = elementOfArc[a]!;
      arcElement[i] = e;
      elementOpen[e] = 1;
      arcMoney[i] = net.arcCostUsdPerT[a]!;
      arcTime[i] = net.arcTimeMeanH[a]! + waits[a]!;
      arcVot[i] = elementValueOfTime[e]!;
    } else if (graph.arcRole[i] === ArcRole.transfer) {
      const v = graph.nodeModel[graph.arcFrom[i]!]!;
      arcMoney[i] = trans.costUsdPerT[v]!;
      arcTime[i] = trans.timeMeanH[v]!;
      arcVot[i] = vot(MODES[graph.nodeMode[graph.arcTo[i]!]!]!);
    }
  }
  for (let i = 0; i < m; i++) arcBase[i] = arcMoney[i]! + arcVot[i]! * arcTime[i]!;
  return {
    ...graph,
    elements,
    arcElement,
    arcMoneyUsdPerT: arcMoney,
    arcTimeH: arcTime,
    arcValueOfTime: arcVot,
    arcBaseCost: arcBase,
    elementValueOfTime,
    elementOpen,
  };
}

/**
 * Mean wait before an arc can be used, hours: half the departure cycle of a service — the
 * timetable's headway; for a vessel that leaves when full, the time to fill it when it runs at its
 * capacity, or its `max_wait` if shorter — and for a crossing with opening hours the mean wait for
 * it to open.
 */
function serviceAndOpeningWaits(net: CompiledNetwork, elements: readonly ElementInfo[]): Float64Array {
  const out = new Float64Array(net.arcCount);
  const serviceOffset = net.model.links.length + net.model.crossings.length;
  for (let a = 0; a < net.arcCount; a++) {
    const e = net.arcElement[a]!;
    if (net.arcKind[a] === ArcKind.service) {
      const s = serviceSideOf(net, a);
      let cycle = s.departuresPerWeek ? 168 / s.departuresPerWeek : Number.POSITIVE_INFINITY;
      if (s.departsWhenFull) {
        const unitT = net.modeUnit[net.arcMode[a]!]?.t;
        const capacity = elements[serviceOffset + e]!.capacityTPerYear;
        if (unitT !== undefined && Number.isFinite(capacity)) {
          cycle = Math.min(cycle, (s.capacityUnits * unitT) / (capacity / 8760));
        }
        if (s.maxWaitH !== undefined) cycle = Math.min(cycle, s.maxWaitH);
      }
      if (Number.isFinite(cycle)) out[a] = cycle / 2;
    } else if (net.arcKind[a] === ArcKind.crossing) {
      out[a] = closedWaitH(crossingSideOf(net, a).calendar);
    }
  }
  return out;
}

/** Bit mask of the modes a cargo may use (all when undefined). */
export { modesMask as modeMask } from '../network/compile-demand.js';
