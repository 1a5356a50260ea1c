/**
 * What each crossing and service can carry, per direction, as it works: a crossing clears
 * lanes × the share of the week it is open ÷ the mean time a unit holds a lane (its steps with their
 * probabilities and repeats, and the gauge change), at most its daily quota; a service carries its
 * departures × the units one takes × the share of departures that sail. A declared physical capacity
 * caps it, and a capacity declared for both directions together caps their sum. Route waits,
 * assignment, outlook, resilience, the simulator and `network info` read these figures.
 */
import { HOURS_PER_WEEK } from '../model/calendar.js';
import { MODES } from '../model/modes.js';
import type { CompiledNetwork, CrossingSide, ServiceSide } from './compile.js';

const HOURS_PER_YEAR = 8760;

/** What limits a direction's capacity. */
export type CapacityBinding = 'lanes' | 'quota' | 'departures' | 'declared' | 'none';

export interface SideCapacity {
  /** Units of the element's mode an hour, on average over the week (Infinity when unlimited). */
  readonly operationalUnitsPerH: number;
  /** The same in tonnes a year, with the mode's unit. */
  readonly operationalTPerYear: number;
  /** Declared for this direction alone, tonnes a year (Infinity when none). */
  readonly declaredTPerYear: number;
  /** The lesser of the two: what the direction can carry, tonnes a year. */
  readonly effectiveTPerYear: number;
  readonly binding: CapacityBinding;
}

export interface ElementCapacity {
  /** [from → to, to → from]; null for the missing direction of a one-way element. */
  readonly sides: readonly [SideCapacity, SideCapacity | null];
  /** Declared for both directions together, tonnes a year (Infinity when none). */
  readonly sharedTPerYear: number;
}

export interface NetworkCapacity {
  readonly links: readonly ElementCapacity[];
  readonly crossings: readonly ElementCapacity[];
  readonly services: readonly ElementCapacity[];
}

/**
 * Units a crossing direction clears an hour under a standing queue, on average over the week, and
 * what limits it. Open round the clock, each lane clears one unit per mean clearance time. With
 * opening hours, a lane starts units from opening until closing and finishes the last one after
 * closing: over an open spell of H hours it starts, by the renewal theorem, H/m + (1 + cv²)/2 units
 * on average (m and cv² the mean and squared coefficient of variation of the clearance), which is
 * what the simulator's lanes do. The daily quota caps each day of the week on its own (a crossing
 * closed at weekends uses no quota then): Σ over the days of min(quota, what the lanes clear that day).
 */
export function crossingUnitsPerH(side: CrossingSide): { unitsPerH: number; binding: 'lanes' | 'quota' } {
  const m = side.clearanceMeanH;
  const quota = side.quotaUnitsPerDay;
  if (!(m > 0)) {
    // Clearance takes no time: only the quota limits, on the days the crossing opens.
    if (quota === undefined) return { unitsPerH: Number.POSITIVE_INFINITY, binding: 'lanes' };
    return { unitsPerH: (quota * openDays(side)) / HOURS_PER_WEEK, binding: 'quota' };
  }
  const cv2 = side.clearanceVarH2 / (m * m);
  const iv = side.calendar.intervals;
  // Units the lanes clear on each day of the week (a spell's last unit counted on the day it ends).
  const perDay = new Float64Array(7);
  if (side.calendar.alwaysOpen) perDay.fill((side.lanes * 24) / m);
  else {
    // A spell running over the end of the week into its start is one spell, not two.
    const wraps = iv.length > 1 && iv[0]![0] === 0 && iv[iv.length - 1]![1] === HOURS_PER_WEEK;
    iv.forEach(([a, b], i) => {
      for (let d = Math.floor(a / 24); d * 24 < b && d < 7; d++) {
        const h = Math.min(b, (d + 1) * 24) - Math.max(a, d * 24);
        if (h > 0) perDay[d]! += (side.lanes * h) / m;
      }
      const joined = wraps && i === iv.length - 1;
      if (!joined) perDay[Math.min(6, Math.floor((b - 1e-9) / 24))]! += (side.lanes * (1 + cv2)) / 2;
    });
  }
  let byLanes = 0;
  let byBoth = 0;
  for (const units of perDay) {
    byLanes += units;
    byBoth += quota !== undefined ? Math.min(quota, units) : units;
  }
  return byBoth < byLanes
    ? { unitsPerH: byBoth / HOURS_PER_WEEK, binding: 'quota' }
    : { unitsPerH: byLanes / HOURS_PER_WEEK, binding: 'lanes' };
}

/** Days of the week on which the crossing opens at all. */
function openDays(side: CrossingSide): number {
  if (side.calendar.alwaysOpen) return 7;
  const open = new Uint8Array(7);
  for (const [a, b] of side.calendar.intervals)
    for (let d = Math.floor(a / 24); d * 24 < b && d < 7; d++) open[d] = 1;
  return open.reduce((s, x) => s + x, 0);
}

/**
 * Units a service direction carries an hour: departures × units a departure × the share that sail.
 * A vessel that also leaves when full sails as often as it fills: its timetable is no limit (a
 * declared capacity is).
 */
export function serviceUnitsPerH(side: ServiceSide): number {
  if (side.departuresPerWeek === undefined || side.departsWhenFull) return Number.POSITIVE_INFINITY;
  const sailing = side.monthlyProfile ? side.monthlyProfile.reduce((s, x) => s + x, 0) / 12 : 1;
  return (side.departuresPerWeek / HOURS_PER_WEEK) * side.capacityUnits * sailing;
}

function side(
  operationalUnitsPerH: number,
  unitT: number | undefined,
  declaredTPerYear: number,
  operationalBinding: CapacityBinding,
): SideCapacity {
  const operationalTPerYear =
    unitT !== undefined ? operationalUnitsPerH * unitT * HOURS_PER_YEAR : Number.POSITIVE_INFINITY;
  const declaredBinds = declaredTPerYear < operationalTPerYear;
  const effectiveTPerYear = Math.min(declaredTPerYear, operationalTPerYear);
  return {
    operationalUnitsPerH,
    operationalTPerYear,
    declaredTPerYear,
    effectiveTPerYear,
    binding: declaredBinds ? 'declared' : Number.isFinite(effectiveTPerYear) ? operationalBinding : 'none',
  };
}

/** Per element and direction: operational, declared and effective capacities of a compiled network. */
export function networkCapacity(net: CompiledNetwork): NetworkCapacity {
  const unitT = (mode: string) => net.modeUnit[MODES.indexOf(mode as (typeof MODES)[number])]?.t;
  const crossings = net.crossings.map((c, i): ElementCapacity => {
    const t = unitT(net.model.crossings[i]!.mode);
    const make = (s: CrossingSide) => {
      const op = crossingUnitsPerH(s);
      return side(op.unitsPerH, t, s.declaredCapacityTPerYear, op.binding);
    };
    return {
      sides: [make(c.sides[0]), c.sides[1] ? make(c.sides[1]) : null],
      sharedTPerYear: c.sharedCapacityTPerYear,
    };
  });
  const services = net.services.map((sv, i): ElementCapacity => {
    const t = unitT(net.model.services[i]!.mode);
    const make = (s: ServiceSide) => side(serviceUnitsPerH(s), t, s.declaredCapacityTPerYear, 'departures');
    return {
      sides: [make(sv.sides[0]), sv.sides[1] ? make(sv.sides[1]) : null],
      sharedTPerYear: sv.sharedCapacityTPerYear,
    };
  });
  const links = net.links.map((l): ElementCapacity => {
    const make = (d: { declaredCapacityTPerYear: number }) =>
      side(Number.POSITIVE_INFINITY, undefined, d.declaredCapacityTPerYear, 'none');
    return {
      sides: [make(l.sides[0]), l.sides[1] ? make(l.sides[1]) : null],
      sharedTPerYear: l.sharedCapacityTPerYear,
    };
  });
  return { links, crossings, services };
}

/** One direction of a crossing or service, as `network info` shows it. */
export interface DirectionCapacityRow {
  readonly kind: 'crossing' | 'service';
  readonly id: string;
  /** `<from>-><to>`. */
  readonly direction: string;
  readonly declared_t_per_year: number | null;
  readonly operational_t_per_year: number | null;
  /** What the direction can carry: the lesser of the two; null when unlimited. */
  readonly capacity_t_per_year: number | null;
  /** lanes, quota, departures, declared or none. */
  readonly binding: CapacityBinding;
  /** Declared for both directions together; null when none. */
  readonly shared_t_per_year: number | null;
}

/** Per crossing and service direction: declared, operational and effective capacity and which binds. */
export function directionCapacities(net: CompiledNetwork): DirectionCapacityRow[] {
  const caps = networkCapacity(net);
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const rows: DirectionCapacityRow[] = [];
  const add = (
    kind: 'crossing' | 'service',
    e: { id: string; from: string; to: string },
    c: ElementCapacity,
  ) => {
    c.sides.forEach((s, d) => {
      if (!s) return;
      rows.push({
        kind,
        id: e.id,
        direction: d === 0 ? `${e.from}->${e.to}` : `${e.to}->${e.from}`,
        declared_t_per_year: finite(s.declaredTPerYear),
        operational_t_per_year: finite(s.operationalTPerYear),
        capacity_t_per_year: finite(s.effectiveTPerYear),
        binding: s.binding,
        shared_t_per_year: finite(c.sharedTPerYear),
      });
    });
  };
  net.model.crossings.forEach((c, i) => {
    add('crossing', c, caps.crossings[i]!);
  });
  net.model.services.forEach((s, i) => {
    add('service', s, caps.services[i]!);
  });
  return rows;
}
