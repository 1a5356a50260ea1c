/**
 * The network's links, crossings and services in one index space, each with its effective capacity
 * in tonnes per year, shared by both directions: what flows load and capacities constrain.
 */
import type { Mode, NetworkModel } from '../model/schema.js';
import { type ArcKindName, type CompiledNetwork, modeUnitTonnes } from '../network/compile.js';

export interface ElementInfo {
  readonly kind: ArcKindName;
  readonly id: string;
  readonly name?: string | undefined;
  readonly from: string;
  readonly to: string;
  readonly mode: Mode;
  /** Effective capacity shared by both directions, tonnes per year; Infinity when unlimited. */
  readonly capacityTPerYear: number;
  /** Where the capacity comes from. */
  readonly capacitySource: 'capacity_t_per_year' | 'capacity_units_per_day' | 'quota_units_per_day' | 'none';
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
 * Effective capacity: `capacity_t_per_year` when given; else `capacity_units_per_day` × tonnes
 * per unit × 365; else, for a crossing, its `quota_units_per_day` likewise; else unlimited. Lanes
 * and clearance times are not turned into a capacity: a rail crossing's steps are per train while
 * its mode's unit is a TEU or a wagon, so the product would mean nothing.
 */
export function elementInfos(net: CompiledNetwork): ElementInfo[] {
  const model = net.model;
  const out: ElementInfo[] = [];
  const perUnit = (mode: Mode, unitsPerDay: number | undefined) => {
    const t = modeUnitTonnes(model, mode);
    return unitsPerDay !== undefined && t !== undefined ? unitsPerDay * t * 365 : undefined;
  };
  for (const l of model.links) {
    const byUnits = perUnit(l.mode, l.capacity_units_per_day);
    out.push({
      kind: 'link',
      id: l.id!,
      from: l.from,
      to: l.to,
      mode: l.mode,
      ...capacity(l.capacity_t_per_year, byUnits),
    });
  }
  for (const c of model.crossings) {
    const byUnits = perUnit(c.mode, c.capacity_units_per_day);
    const byQuota = perUnit(c.mode, c.quota_units_per_day);
    out.push({
      kind: 'crossing',
      id: c.id,
      name: c.name,
      from: c.from,
      to: c.to,
      mode: c.mode,
      ...capacity(c.capacity_t_per_year, byUnits, byQuota),
    });
  }
  for (const s of model.services) {
    const byUnits = perUnit(s.mode, s.capacity_units_per_day);
    out.push({
      kind: 'service',
      id: s.id,
      name: s.name,
      from: s.from,
      to: s.to,
      mode: s.mode,
      ...capacity(s.capacity_t_per_year, byUnits),
    });
  }
  return out;
}

function capacity(
  declared: number | undefined,
  byUnits: number | undefined,
  byQuota?: number,
): Pick<ElementInfo, 'capacityTPerYear' | 'capacitySource'> {
  if (declared !== undefined) return { capacityTPerYear: declared, capacitySource: 'capacity_t_per_year' };
  if (byUnits !== undefined) return { capacityTPerYear: byUnits, capacitySource: 'capacity_units_per_day' };
  if (byQuota !== undefined) return { capacityTPerYear: byQuota, capacitySource: 'quota_units_per_day' };
  return { capacityTPerYear: Number.POSITIVE_INFINITY, capacitySource: 'none' };
}
