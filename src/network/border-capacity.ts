/**
 * Border capacity between pairs of countries by mode, and how it changes as crossings open and
 * close: the sum of the capacities the crossings declare (the least of `capacity_t_per_year`, units
 * and trains a day, as the analyses take it: `sharedCapacityOf`) on a given day.
 */

import type { Mode, NetworkModel } from '../model/schema.js';
import { dayNumber, sharedCapacityOf } from './compile.js';

/** A crossing's declared capacity, 0 when it declares none. */
function capacityOf(model: NetworkModel, c: NetworkModel['crossings'][number]): number {
  const cap = sharedCapacityOf(model, c);
  return Number.isFinite(cap) ? cap : 0;
}

export interface BorderCapacityStep {
  /** First day of this level (YYYY-MM-DD), or undefined for "from the start". */
  readonly from?: string;
  readonly capacity_t_per_year: number;
  /** Crossings open at this level. */
  readonly crossings: readonly string[];
}

export interface BorderCapacity {
  /** The two countries, sorted. */
  readonly countries: readonly [string, string];
  readonly mode: Mode;
  readonly steps: readonly BorderCapacityStep[];
}

/** Capacity of every (country pair, mode) border over time. Crossings without a capacity count as 0. */
export function borderCapacity(model: NetworkModel): BorderCapacity[] {
  const country = new Map(model.nodes.map((n) => [n.id, n.country]));
  const groups = new Map<
    string,
    { countries: [string, string]; mode: Mode; crossings: NetworkModel['crossings'][number][] }
  >();
  for (const c of model.crossings) {
    const pair = [country.get(c.from)!, country.get(c.to)!].sort() as [string, string];
    const key = `${pair.join('-')}|${c.mode}`;
    const g = groups.get(key) ?? { countries: pair, mode: c.mode, crossings: [] };
    g.crossings.push(c);
    groups.set(key, g);
  }
  const out: BorderCapacity[] = [];
  for (const g of groups.values()) {
    const dates = [
      ...new Set(g.crossings.flatMap((c) => [c.opens, c.closes]).filter((d): d is string => d !== undefined)),
    ].sort();
    const starts: (string | undefined)[] = [undefined, ...dates];
    const steps: BorderCapacityStep[] = [];
    for (const from of starts) {
      const day = from === undefined ? Number.NEGATIVE_INFINITY : dayNumber(from);
      const open = g.crossings.filter(
        (c) =>
          (c.opens === undefined || dayNumber(c.opens) <= day) &&
          (c.closes === undefined || day < dayNumber(c.closes)),
      );
      const capacity = open.reduce((s, c) => s + capacityOf(model, c), 0);
      if (steps.length > 0 && steps[steps.length - 1]!.capacity_t_per_year === capacity) continue;
      if (open.length === 0 && from === undefined) continue;
      steps.push({
        ...(from !== undefined ? { from } : {}),
        capacity_t_per_year: capacity,
        crossings: open.map((c) => c.id),
      });
    }
    out.push({ countries: g.countries, mode: g.mode, steps });
  }
  return out.sort(
    (a, b) => a.countries.join().localeCompare(b.countries.join()) || a.mode.localeCompare(b.mode),
  );
}

/** Capacity of one border on a day (YYYY-MM-DD). */
export function borderCapacityOn(
  model: NetworkModel,
  a: string,
  b: string,
  mode: Mode,
  date: string,
): number {
  const day = dayNumber(date);
  const country = new Map(model.nodes.map((n) => [n.id, n.country]));
  return model.crossings
    .filter((c) => c.mode === mode)
    .filter((c) => {
      const pair = [country.get(c.from), country.get(c.to)];
      return pair.includes(a) && pair.includes(b) && a !== b;
    })
    .filter(
      (c) =>
        (c.opens === undefined || dayNumber(c.opens) <= day) &&
        (c.closes === undefined || day < dayNumber(c.closes)),
    )
    .reduce((s, c) => s + capacityOf(model, c), 0);
}
