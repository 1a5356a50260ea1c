/**
 * The network's links, crossings and services in one index space, each with the capacity both its
 * directions share, tonnes a year: what flows load and capacities constrain.
 */
import type { Mode, NetworkModel } from '../model/schema.js';
import type { ArcKindName, CompiledNetwork } from '../network/compile.js';

export interface ElementInfo {
  readonly kind: ArcKindName;
  readonly id: string;
  readonly name?: string | undefined;
  readonly from: string;
  readonly to: string;
  readonly mode: Mode;
  /** Capacity declared for both directions together, tonnes per year; Infinity when none. */
  readonly capacityTPerYear: number;
}

/** Offsets of links, crossings and services in the element index space. */
export function elementOffsets(model: NetworkModel): readonly [number, number, number, number] {
  const l = model.links.length;
  const c = model.crossings.length;
  return [0, l, l + c, l + c + model.services.length];
}

/** The element of each compiled arc. */
export function arcElementIndex(net: CompiledNetwork): Uint32Array {
  const offsets = elementOffsets(net.model);
  const out = new Uint32Array(net.arcCount);
  for (let a = 0; a < net.arcCount; a++) out[a] = offsets[net.arcKind[a]!]! + net.arcElement[a]!;
  return out;
}

/**
 * The network's links, crossings and services in element order, each with the capacity it declares
 * for both directions together as the compiled network takes it (`sharedCapacityTPerYear`: the least
 * of tonnes a year, units and trains a day); the per-direction capacities, operational ones included,
 * are the resources' (resources.ts).
 */
export function elementInfos(net: CompiledNetwork): ElementInfo[] {
  const of = (
    kind: ArcKindName,
    entries: readonly ElementFields[],
    compiled: readonly { readonly sharedCapacityTPerYear: number }[],
  ) =>
    entries.map(
      (e, i): ElementInfo => ({
        kind,
        id: e.id!,
        name: e.name,
        from: e.from,
        to: e.to,
        mode: e.mode,
        capacityTPerYear: compiled[i]!.sharedCapacityTPerYear,
      }),
    );
  const m = net.model;
  return [
    ...of('link', m.links, net.links),
    ...of('crossing', m.crossings, net.crossings),
    ...of('service', m.services, net.services),
  ];
}

/** What a link, crossing or service of the written network says of itself, for its ElementInfo. */
interface ElementFields {
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly from: string;
  readonly to: string;
  readonly mode: Mode;
}
