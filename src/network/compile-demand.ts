/**
 * The demand converted once, by one rule that route planning, flow assignment and simulation all
 * read: tonnes a year (`t_per_year`, else `units_per_day` × the unit's tonnes × 365) and units a day
 * (the other way round); the unit is `unit`, else the unit of `mode`; the modes the cargo may use are
 * `modes`, else `mode` alone, else all; a tonne left unserved costs `unserved_cost_usd_per_t`, else
 * that of its cargo class (`cargo_class`, else the class named like its `cargo`).
 */

import { MODES, type Mode } from '../model/modes.js';
import { demandCargoClassId, demandUnitId } from '../model/rules-demand.js';
import type { NetworkModel } from '../model/schema.js';

export const DAYS_PER_YEAR = 365;

/** Cargo type of entries that name none. */
export const DEFAULT_CARGO = 'general';

/** When the units of a demand set off over the day. */
export type ArrivalPattern = 'poisson' | 'uniform' | { readonly profile: readonly number[] };

export interface CompiledDemand {
  /** Index of the entry in the file's `demand`. */
  readonly index: number;
  /** `id`, else `<from>-><to>` (with `:<cargo>` when given), made unique with `#2`, `#3`, … */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Node indices of the two ends. */
  readonly source: number;
  readonly target: number;
  readonly cargo: string;
  readonly tPerYear: number;
  /** Units a day of `unit`; undefined when the entry's unit cannot be known (it gives t_per_year only). */
  readonly unitsPerDay: number | undefined;
  readonly unit: { readonly id: string; readonly t: number } | undefined;
  /** Modes the cargo may use; undefined for every mode. */
  readonly modes: readonly Mode[] | undefined;
  /** Bit mask of `modes` over MODES (every bit when undefined). */
  readonly modeMask: number;
  readonly arrivals: ArrivalPattern;
  /** Squared coefficient of variation of the time between arrivals: 1 for Poisson, 0 evenly spaced. */
  readonly arrivalCv2: number;
  /** Relative intensity by month, January first, scaled to a mean of 1; undefined: flat. */
  readonly monthlyProfile: readonly number[] | undefined;
  readonly growthPerYear: number | undefined;
  /** What a tonne left unserved costs, USD: the demand's own figure, else its cargo class's; undefined: neither gives one. */
  readonly unservedCostUsdPerT: number | undefined;
}

/** Bit mask of modes over MODES; every mode when undefined or empty. */
export function modesMask(modes: readonly Mode[] | undefined): number {
  if (!modes || modes.length === 0) return (1 << MODES.length) - 1;
  return modes.reduce((mask, m) => mask | (1 << MODES.indexOf(m)), 0);
}

/** Makes ids unique by appending #2, #3, … to repeats. */
export class UniqueIds {
  private readonly seen = new Map<string, number>();
  take(id: string): string {
    const n = (this.seen.get(id) ?? 0) + 1;
    this.seen.set(id, n);
    return n === 1 ? id : `${id}#${n}`;
  }
}

/** The demand of a validated network, converted. */
export function compileDemand(model: NetworkModel, nodeIndex: ReadonlyMap<string, number>): CompiledDemand[] {
  const ids = new UniqueIds();
  const tonnes = new Map(model.units.map((u) => [u.id, u.t]));
  const classCost = new Map(model.cargo_classes.map((c) => [c.id, c.unserved_cost_usd_per_t]));
  return model.demand.map((d, index) => {
    const unitId = demandUnitId(model, d);
    const unitT = unitId === undefined ? undefined : tonnes.get(unitId);
    const unit = unitId !== undefined && unitT !== undefined ? { id: unitId, t: unitT } : undefined;
    const tPerYear =
      d.t_per_year ??
      (d.units_per_day !== undefined && unit ? d.units_per_day * unit.t * DAYS_PER_YEAR : Number.NaN);
    if (!(tPerYear > 0)) throw new Error(`compile: demand ${index} has no quantity in a validated network`);
    const modes = d.modes ?? (d.mode ? [d.mode] : undefined);
    const profile = d.monthly_profile;
    const profileMean = profile ? profile.reduce((s, x) => s + x, 0) / 12 : 1;
    return {
      index,
      id: ids.take(d.id ?? `${d.from}->${d.to}${d.cargo ? `:${d.cargo}` : ''}`),
      from: d.from,
      to: d.to,
      source: nodeIndex.get(d.from)!,
      target: nodeIndex.get(d.to)!,
      cargo: d.cargo ?? DEFAULT_CARGO,
      tPerYear,
      unitsPerDay: d.units_per_day ?? (unit ? tPerYear / unit.t / DAYS_PER_YEAR : undefined),
      unit,
      modes,
      modeMask: modesMask(modes),
      arrivals: d.arrivals,
      arrivalCv2: d.arrivals === 'uniform' ? 0 : 1,
      monthlyProfile: profile?.map((x) => x / profileMean),
      growthPerYear: d.growth_per_year,
      unservedCostUsdPerT: d.unserved_cost_usd_per_t ?? classCost.get(demandCargoClassId(model, d) ?? ''),
    };
  });
}
