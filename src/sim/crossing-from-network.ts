/**
 * A crossing of the network file as the simulation runs it: lanes open by its calendar in its time
 * zone, its steps (a gauge change last), its daily quota and priority share, and what a unit pays.
 */
import { parseHours, utcOffsetHours } from '../model/calendar.js';
import { distributionMean, parseDistribution } from '../model/distribution.js';
import type { CrossingModel as CrossingEntry } from '../model/schema.js';
import type { CrossingOptions } from './crossing.js';
import { crossingTimetable, openHoursPerDay } from './crossing-hours.js';
import type { QueueStep } from './queue-model.js';
import type { Uniform } from './random.js';
import { compileSampler } from './sample/compile.js';

/** An e-queue at a crossing: slot length and the share of the crossing's capacity that is booked. */
export interface AppointmentSettings {
  readonly slot_h: number;
  readonly share: number;
}

function distribution(text: string) {
  const parsed = parseDistribution(text);
  if ('error' in parsed) throw new Error(`invalid distribution "${text}" in a validated network`);
  return parsed.dist;
}

/** Local time minus UTC at the crossing, hours. */
export function crossingUtcOffset(c: CrossingEntry): number {
  const offset = utcOffsetHours(c.tz);
  if ('error' in offset) throw new Error(`crossing ${c.id}: invalid time zone in a validated network`);
  return offset.hours;
}

/** Mean time a unit holds a lane, hours: each step's passes × mean, plus the gauge change. */
export function meanClearanceH(c: CrossingEntry): number {
  let mean = 0;
  for (const s of c.steps) mean += (s.probability / (1 - s.repeat)) * distributionMean(distribution(s.time));
  if (c.gauge_change) mean += distributionMean(distribution(c.gauge_change.time));
  return mean;
}

/**
 * The options of one direction of a crossing, its samplers drawing from `random`. With `appointments`
 * units book slots at `share` of the rate the crossing clears while open.
 */
export function crossingOptions(
  c: CrossingEntry,
  random: Uniform,
  appointments?: AppointmentSettings,
): CrossingOptions {
  const parsed = parseHours(c.hours);
  if ('error' in parsed) throw new Error(`crossing ${c.id}: invalid hours in a validated network`);
  const calendar = parsed.calendar;
  const offset = crossingUtcOffset(c);
  const steps: QueueStep[] = c.steps.map((s) => ({
    duration: compileSampler(distribution(s.time), random),
    probability: s.probability,
    repeat: s.repeat,
  }));
  if (c.gauge_change) steps.push({ duration: compileSampler(distribution(c.gauge_change.time), random) });
  let booking: CrossingOptions['appointments'];
  if (appointments) {
    const open = openHoursPerDay(calendar);
    const lanesPerOpenH = c.lanes / meanClearanceH(c);
    const quotaPerOpenH = c.quota_units_per_day !== undefined ? c.quota_units_per_day / open : Infinity;
    booking = {
      perHour: appointments.share * Math.min(lanesPerOpenH, quotaPerOpenH),
      slot_h: appointments.slot_h,
    };
  }
  return {
    lanes: c.lanes,
    ...(calendar.alwaysOpen ? {} : { hours: crossingTimetable(calendar, c.lanes, offset) }),
    steps,
    ...(c.quota_units_per_day !== undefined
      ? { quota: { perDay: c.quota_units_per_day, offset_h: offset } }
      : {}),
    ...(c.priority_share !== undefined ? { priorityShare: c.priority_share } : {}),
    ...(booking ? { appointments: booking } : {}),
    random,
  };
}

/** What a unit pays at the crossing, USD: fees and gauge change, and the priority fee in the priority class. */
export function crossingCostUsd(c: CrossingEntry, priorityClass: number): number {
  return (
    (c.fees_usd_per_unit ?? 0) +
    (c.gauge_change?.cost_usd_per_unit ?? 0) +
    (priorityClass === 0 ? (c.priority_fee_usd_per_unit ?? 0) : 0)
  );
}
