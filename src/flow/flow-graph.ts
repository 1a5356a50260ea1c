/**
 * The graph flows are assigned on, for one day and scenario: arcs with money, free time and value of
 * time; nodes split by mode so that cargo changes mode only where a transshipment is declared.
 */

import { parseHours } from '../model/calendar.js';
import { distributionMean, parseDistribution } from '../model/distribution.js';
import { parseDuration } from '../model/duration.js';
import { MODES, type Mode } from '../model/schema.js';
import { ArcKind, arcOpenOn, type CompiledNetwork, modeUnitTonnes } from '../network/compile.js';
import { closedWaitH } from '../queueing/crossing-wait.js';
import { arcElementIndex, type ElementInfo, elementInfos } from './elements.js';
import { outAdjacency, type RoutingGraph } from './routing-graph.js';

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

export interface FlowGraph extends RoutingGraph {
  readonly net: CompiledNetwork;
  readonly elements: readonly ElementInfo[];
  /** Graph node where flows of each model node start and end; -1 when the node is closed. */
  readonly zone: Int32Array;
  /** Model node of each graph node. */
  readonly nodeModel: Uint32Array;
  /** Compiled arc of each graph arc; -1 for a mode change or a zone connector. */
  readonly arcNet: Int32Array;
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
  const closedNodes = options.closedNodes;
  const arcIn = (a: number) =>
    (options.day === undefined || arcOpenOn(net, a, options.day)) &&
    options.closedArcs?.[a] !== 1 &&
    closedNodes?.[net.arcFrom[a]!] !== 1 &&
    closedNodes?.[net.arcTo[a]!] !== 1;
  const netArcs: number[] = [];
  for (let a = 0; a < net.arcCount; a++) if (arcIn(a)) netArcs.push(a);

  // Modes present at each node, and which nodes are split by mode.
  const nodeModes = new Uint8Array(net.nodeCount);
  for (const a of netArcs) {
    const bit = 1 << net.arcMode[a]!;
    nodeModes[net.arcFrom[a]!]! |= bit;
    nodeModes[net.arcTo[a]!]! |= bit;
  }
  // Mode changes happen only at nodes that declare a transshipment, as in route planning; a network
  // that declares none lets cargo change mode anywhere, free.
  const anyTransshipment = model.nodes.some((n) => n.transshipment !== undefined);
  const nodeList: { model: number; through: number }[] = [];
  const zone = new Int32Array(net.nodeCount).fill(-1);
  /** Graph node of (model node, mode), for split nodes. */
  const modeNode = new Int32Array(net.nodeCount * MODES.length).fill(-1);
  const transfer: { from: number; to: number; money: number; time: number; vot: number }[] = [];
  model.nodes.forEach((node, v) => {
    if (closedNodes?.[v] === 1) return;
    const bits = nodeModes[v]!;
    const modes = MODES.map((_, m) => m).filter((m) => bits & (1 << m));
    zone[v] = nodeList.length;
    if (!anyTransshipment || modes.length < 2) {
      nodeList.push({ model: v, through: 1 });
      return;
    }
    nodeList.push({ model: v, through: 0 });
    for (const m of modes) {
      modeNode[v * MODES.length + m] = nodeList.length;
      nodeList.push({ model: v, through: 1 });
    }
    for (const m of modes) {
      const gm = modeNode[v * MODES.length + m]!;
      transfer.push({ from: zone[v]!, to: gm, money: 0, time: 0, vot: 0 });
      transfer.push({ from: gm, to: zone[v]!, money: 0, time: 0, vot: 0 });
    }
    if (!node.transshipment) return;
    const money = node.transshipment.cost_usd_per_t ?? 0;
    const parsed = parseDistribution(node.transshipment.time);
    const time = 'dist' in parsed ? distributionMean(parsed.dist) : 0;
    for (const m of modes) {
      const gm = modeNode[v * MODES.length + m]!;
      for (const m2 of modes) {
        if (m2 === m) continue;
        transfer.push({
          from: gm,
          to: modeNode[v * MODES.length + m2]!,
          money,
          time,
          vot: vot(MODES[m2]!),
        });
      }
    }
  });
  const graphNode = (v: number, mode: number) => {
    const split = modeNode[v * MODES.length + mode]!;
    return split >= 0 ? split : zone[v]!;
  };

  const m = netArcs.length + transfer.length;
  const arcFrom = new Uint32Array(m);
  const arcTo = new Uint32Array(m);
  const arcModeBit = new Uint8Array(m);
  const arcNet = new Int32Array(m).fill(-1);
  const arcElement = new Int32Array(m).fill(-1);
  const arcMoney = new Float64Array(m);
  const arcTime = new Float64Array(m);
  const arcVot = new Float64Array(m);
  const arcBase = new Float64Array(m);
  const elementValueOfTime = Float64Array.from(elements, (e) => vot(e.mode));
  const elementOpen = new Uint8Array(elements.length);
  const waits = serviceAndOpeningWaits(net, elements);
  netArcs.forEach((a, i) => {
    const mode = net.arcMode[a]!;
    arcFrom[i] = graphNode(net.arcFrom[a]!, mode);
    arcTo[i] = graphNode(net.arcTo[a]!, mode);
    arcModeBit[i] = 1 << mode;
    arcNet[i] = a;
    const e = elementOfArc[a]!;
    arcElement[i] = e;
    elementOpen[e] = 1;
    arcMoney[i] = net.arcCostUsdPerT[a]!;
    arcTime[i] = net.arcTimeMeanH[a]! + waits[a]!;
    arcVot[i] = elementValueOfTime[e]!;
  });
  transfer.forEach((t, j) => {
    const i = netArcs.length + j;
    arcFrom[i] = t.from;
    arcTo[i] = t.to;
    arcMoney[i] = t.money;
    arcTime[i] = t.time;
    arcVot[i] = t.vot;
  });
  for (let i = 0; i < m; i++) arcBase[i] = arcMoney[i]! + arcVot[i]! * arcTime[i]!;
  const nodeCount = nodeList.length;
  return {
    net,
    elements,
    nodeCount,
    arcCount: m,
    arcFrom,
    arcTo,
    ...outAdjacency(nodeCount, arcFrom),
    arcModeBit,
    through: Uint8Array.from(nodeList, (n) => n.through),
    zone,
    nodeModel: Uint32Array.from(nodeList, (n) => n.model),
    arcNet,
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
      const s = net.model.services[e]!;
      let cycle = s.departures_per_week ? 168 / s.departures_per_week : Number.POSITIVE_INFINITY;
      if (s.departs_when_full) {
        const unitT = modeUnitTonnes(net.model, s.mode);
        const capacity = elements[serviceOffset + e]!.capacityTPerYear;
        if (unitT !== undefined && Number.isFinite(capacity)) {
          cycle = Math.min(cycle, (s.capacity_units * unitT) / (capacity / 8760));
        }
        const max = s.max_wait ? parseDuration(s.max_wait) : undefined;
        if (max && 'hours' in max) cycle = Math.min(cycle, max.hours);
      }
      if (Number.isFinite(cycle)) out[a] = cycle / 2;
    } else if (net.arcKind[a] === ArcKind.crossing) {
      const h = parseHours(net.model.crossings[e]!.hours);
      if ('calendar' in h) out[a] = closedWaitH(h.calendar);
    }
  }
  return out;
}

/** Bit mask of the modes a cargo may use (all when undefined). */
export function modeMask(modes: readonly Mode[] | undefined): number {
  if (!modes || modes.length === 0) return 0xff;
  return modes.reduce((mask, m) => mask | (1 << MODES.indexOf(m)), 0);
}
