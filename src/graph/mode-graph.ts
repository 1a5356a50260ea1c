/**
 * The mode-expanded graph: one node per (place, mode) where several modes meet, so that a path
 * changes mode only where the network allows it, on an arc of its own that can carry the change's
 * time and cost. The rule, used by route planning and flow assignment alike:
 *
 * - a place where arcs of two or more modes meet becomes a zone (where paths start and end, never
 *   passed through) plus one node per mode, joined by connectors zone → mode node → zone;
 * - mode nodes of one place are joined by transfer arcs (m → m′) only where a transfer is allowed
 *   (the nodes that declare a transshipment; every node when the network declares none);
 * - a place served by one mode stays one node;
 * - when the network declares no transshipment at all and transfers are not counted, nothing is
 *   split: cargo changes mode anywhere, free;
 * - with a limit on transfers, every place is split and the mode nodes are repeated in layers
 *   0 … limit, a transfer leading to the next layer.
 *
 * Built once per compiled network and date (and per set of closures, for resilience).
 */
import { MODES } from '../model/modes.js';
import { arcOpenOn, type CompiledNetwork } from '../network/compile.js';
import { type Digraph, digraph } from './csr.js';

/** What a mode-graph arc stands for. */
export const ArcRole = { network: 0, connector: 1, transfer: 2 } as const;

/** A CSR graph whose arcs carry a mode bit: what searches restricted to some modes read. */
export interface ModeGraph extends Digraph {
  /** 1 << mode of a network arc; 0 for arcs any cargo may use (connectors, transfers). */
  readonly arcModeBit: Uint8Array;
}

/** The mode-expanded graph of a directed graph whose arcs have modes. */
export interface ExpandedGraph extends ModeGraph {
  readonly through: Uint8Array;
  /** Graph node where paths of each input node start and end; -1 for a node left out. */
  readonly zone: Int32Array;
  /** Input node of each graph node. */
  readonly nodeModel: Uint32Array;
  /** Mode of each graph node; -1 for a zone or a node that is not split. */
  readonly nodeMode: Int8Array;
  /** Input arc of each graph arc; -1 for a connector or a transfer. */
  readonly arcNet: Int32Array;
  /** ArcRole of each arc. */
  readonly arcRole: Uint8Array;
}

export interface ExpandInput {
  readonly nodeCount: number;
  readonly arcFrom: ArrayLike<number>;
  readonly arcTo: ArrayLike<number>;
  /** Mode index (< 8) of each arc. */
  readonly arcMode: ArrayLike<number>;
  readonly modeCount: number;
  /** 1 where the mode may change. */
  readonly transferAt: Uint8Array;
  /** 1 for the arcs in the graph; every arc when absent. */
  readonly keepArc?: Uint8Array | undefined;
  /** 1 for the nodes in the graph; every node when absent. */
  readonly keepNode?: Uint8Array | undefined;
  /** Split nothing: modes change anywhere, free (ignored with maxTransfers). */
  readonly merge?: boolean | undefined;
  /** At most this many transfers on a path: mode nodes in layers 0 … maxTransfers. */
  readonly maxTransfers?: number | undefined;
}

/** Expands a moded graph by mode (see the module comment). */
export function expandModes(input: ExpandInput): ExpandedGraph {
  const { nodeCount, arcFrom, arcTo, arcMode, modeCount, transferAt, keepArc, keepNode } = input;
  const layered = input.maxTransfers !== undefined;
  const layers = layered ? Math.max(0, Math.floor(input.maxTransfers!)) + 1 : 1;
  const merge = input.merge === true && !layered;
  const kept: number[] = [];
  for (let a = 0; a < arcFrom.length; a++) if (keepArc === undefined || keepArc[a] === 1) kept.push(a);

  const nodeModes = new Uint8Array(nodeCount);
  for (const a of kept) {
    const bit = 1 << arcMode[a]!;
    nodeModes[arcFrom[a]!]! |= bit;
    nodeModes[arcTo[a]!]! |= bit;
  }
  const zone = new Int32Array(nodeCount).fill(-1);
  /** Graph node of (node, mode, layer) for split nodes; -1 elsewhere. */
  const modeNode = new Int32Array(nodeCount * modeCount * layers).fill(-1);
  const slot = (v: number, m: number, k: number) => (v * modeCount + m) * layers + k;
  const nodeModel: number[] = [];
  const nodeMode: number[] = [];
  const through: number[] = [];
  const cFrom: number[] = [];
  const cTo: number[] = [];
  const cRole: number[] = [];
  const addNode = (v: number, mode: number, pass: number) => {
    nodeModel.push(v);
    nodeMode.push(mode);
    through.push(pass);
    return nodeModel.length - 1;
  };
  const addArc = (from: number, to: number, role: number) => {
    cFrom.push(from);
    cTo.push(to);
    cRole.push(role);
  };
  for (let v = 0; v < nodeCount; v++) {
    if (keepNode !== undefined && keepNode[v] !== 1) continue;
    const modes: number[] = [];
    for (let m = 0; m < modeCount; m++) if (nodeModes[v]! & (1 << m)) modes.push(m);
    if (!layered && (merge || modes.length < 2)) {
      zone[v] = addNode(v, -1, 1);
      continue;
    }
    const z = addNode(v, -1, 0);
    zone[v] = z;
    for (const m of modes) for (let k = 0; k < layers; k++) modeNode[slot(v, m, k)] = addNode(v, m, 1);
    for (const m of modes) {
      addArc(z, modeNode[slot(v, m, 0)]!, ArcRole.connector);
      for (let k = 0; k < layers; k++) addArc(modeNode[slot(v, m, k)]!, z, ArcRole.connector);
    }
    if (transferAt[v] !== 1) continue;
    for (let k = 0; k + (layered ? 1 : 0) < layers; k++) {
      const k2 = layered ? k + 1 : k;
      for (const m of modes) {
        for (const m2 of modes) {
          if (m2 !== m) addArc(modeNode[slot(v, m, k)]!, modeNode[slot(v, m2, k2)]!, ArcRole.transfer);
        }
      }
    }
  }
  const end = (v: number, m: number, k: number) => {
    const split = modeNode[slot(v, m, k)]!;
    return split >= 0 ? split : zone[v]!;
  };

  const netArcs = kept.length * layers;
  const count = netArcs + cFrom.length;
  const from = new Uint32Array(count);
  const to = new Uint32Array(count);
  const arcModeBit = new Uint8Array(count);
  const arcNet = new Int32Array(count).fill(-1);
  const arcRole = new Uint8Array(count);
  let i = 0;
  for (let k = 0; k < layers; k++) {
    for (const a of kept) {
      const m = arcMode[a]!;
      from[i] = end(arcFrom[a]!, m, k);
      to[i] = end(arcTo[a]!, m, k);
      arcModeBit[i] = 1 << m;
      arcNet[i] = a;
      arcRole[i] = ArcRole.network;
      i++;
    }
  }
  for (let j = 0; j < cFrom.length; j++, i++) {
    from[i] = cFrom[j]!;
    to[i] = cTo[j]!;
    arcRole[i] = cRole[j]!;
  }
  const throughArr = Uint8Array.from(through);
  return {
    ...digraph(nodeModel.length, from, to, throughArr),
    through: throughArr,
    arcModeBit,
    zone,
    nodeModel: Uint32Array.from(nodeModel),
    nodeMode: Int8Array.from(nodeMode),
    arcNet,
    arcRole,
  };
}

/** The mode-expanded graph of a compiled network. */
export interface NetworkModeGraph extends ExpandedGraph {
  readonly net: CompiledNetwork;
}

export interface NetworkModeGraphOptions {
  /** Day number (days since 1970-01-01): only arcs in service that day. Default: every arc. */
  readonly day?: number | undefined;
  /** Compiled arcs taken out of service (1 = closed). */
  readonly closedArcs?: Uint8Array | undefined;
  /** Nodes taken out of service (1 = closed), with every arc touching them. */
  readonly closedNodes?: Uint8Array | undefined;
  /** At most this many changes of mode on a path. */
  readonly maxTransfers?: number | undefined;
}

/** Builds the mode-expanded graph of a compiled network (see the module comment for the rule). */
export function networkModeGraph(
  net: CompiledNetwork,
  options: NetworkModeGraphOptions = {},
): NetworkModeGraph {
  const { day, closedArcs, closedNodes } = options;
  const keepArc = new Uint8Array(net.arcCount);
  for (let a = 0; a < net.arcCount; a++) {
    keepArc[a] =
      (day === undefined || arcOpenOn(net, a, day)) &&
      closedArcs?.[a] !== 1 &&
      closedNodes?.[net.arcFrom[a]!] !== 1 &&
      closedNodes?.[net.arcTo[a]!] !== 1
        ? 1
        : 0;
  }
  const keepNode = closedNodes ? closedNodes.map((c) => (c === 1 ? 0 : 1)) : undefined;
  const declared = net.transshipment.time.some((t) => t !== undefined);
  const graph = expandModes({
    nodeCount: net.nodeCount,
    arcFrom: net.arcFrom,
    arcTo: net.arcTo,
    arcMode: net.arcMode,
    modeCount: MODES.length,
    transferAt: net.transshipment.at,
    keepArc,
    keepNode,
    merge: !declared,
    maxTransfers: options.maxTransfers,
  });
  return { ...graph, net };
}

const routeGraphs = new WeakMap<CompiledNetwork, Map<string, NetworkModeGraph>>();

/**
 * The mode-expanded graph of every arc of a compiled network (searches mask the arcs closed on a
 * day or avoided), built once per network and transfer limit.
 */
export function modeGraphOf(net: CompiledNetwork, maxTransfers?: number): NetworkModeGraph {
  let byLimit = routeGraphs.get(net);
  if (!byLimit) {
    byLimit = new Map();
    routeGraphs.set(net, byLimit);
  }
  const key = maxTransfers === undefined ? '' : String(Math.max(0, Math.floor(maxTransfers)));
  let graph = byLimit.get(key);
  if (!graph) {
    graph = networkModeGraph(net, { maxTransfers });
    byLimit.set(key, graph);
  }
  return graph;
}

const modeMasks = new WeakMap<ModeGraph, Map<number, Uint8Array>>();

/** 1 for the arcs cargo restricted to the modes in `mask` (bits over MODES) may use; cached per graph. */
export function arcsOfModes(graph: ModeGraph, mask: number): Uint8Array {
  let byMask = modeMasks.get(graph);
  if (!byMask) {
    byMask = new Map();
    modeMasks.set(graph, byMask);
  }
  let allowed = byMask.get(mask);
  if (!allowed) {
    const bits = graph.arcModeBit;
    allowed = new Uint8Array(graph.arcCount);
    for (let a = 0; a < graph.arcCount; a++) allowed[a] = bits[a] === 0 || (bits[a]! & mask) !== 0 ? 1 : 0;
    byMask.set(mask, allowed);
  }
  return allowed;
}

/**
 * A per-arc array over the graph from one over the input arcs: network arcs take their input arc's
 * value, transfers the value of their node in `atTransfer` (0 when absent), connectors 0.
 */
export function liftArcValues(
  graph: ExpandedGraph,
  perArc: ArrayLike<number>,
  atTransfer?: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(graph.arcCount);
  for (let a = 0; a < graph.arcCount; a++) {
    const e = graph.arcNet[a]!;
    if (e >= 0) out[a] = perArc[e]!;
    else if (atTransfer !== undefined && graph.arcRole[a] === ArcRole.transfer)
      out[a] = atTransfer[graph.nodeModel[graph.arcFrom[a]!]!]!;
  }
  return out;
}

/** An arc mask over the graph from one over the input arcs; connectors and transfers stay usable. */
export function liftArcMask(graph: ExpandedGraph, perArc: Uint8Array | undefined): Uint8Array | undefined {
  if (perArc === undefined) return undefined;
  return Uint8Array.from(graph.arcNet, (e) => (e < 0 ? 1 : perArc[e]!));
}

/** The input arcs of a graph path, in order (connectors and transfers dropped). */
export function inputArcs(graph: ExpandedGraph, path: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < path.length; i++) {
    const e = graph.arcNet[path[i]!]!;
    if (e >= 0) out.push(e);
  }
  return out;
}

/** Mode changes along a graph path. */
export function transfersOn(graph: ExpandedGraph, path: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < path.length; i++) if (graph.arcRole[path[i]!] === ArcRole.transfer) n++;
  return n;
}
