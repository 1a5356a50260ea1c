/**
 * One direction of a crossing of the compiled network as the simulation runs it: lanes open by its
 * calendar in its time zone, its steps (a gauge change last), its daily quota and priority share, and
 * what a unit pays. Reads the compiled side (parsed distributions, calendar, offset); never text.
 */
import type { CrossingSide } from '../network/compile.js';
import type { CrossingOptions } from './crossing.js';
import { crossingTimetable, openHoursPerDay } from './crossing-hours.js';
import type { QueueStep } from './queue-model.js';
import { Purpose, type Uniform } from './random.js';
import { compileSampler } from './sample/compile.js';

/** An e-queue at a crossing: slot length and the share of the crossing's capacity that is booked. */
export interface AppointmentSettings {
  readonly slot_h: number;
  readonly share: number;
}

/**
 * Where a crossing direction's draws come from: a stream per purpose and key (`step:<i>:<name>`,
 * `gauge-change`, or `class` for the priority draw); or one uniform for all of them (tests).
 */
export type CrossingDraws = Uniform | { readonly keyed: (purpose: string, key: string) => Uniform };

/** Mean time a unit holds a lane, hours: each step's passes × mean, plus the gauge change. */
export function meanClearanceH(side: CrossingSide): number {
  return side.clearanceMeanH;
}

/**
 * The options of one direction of a crossing, its samplers drawing from `draws`. With `appointments`
 * units wait in a backlog called forward at `share` of the rate the crossing clears while open. The
 * drivers' balking threshold and patience draw from their own streams (`balking`, `patience`).
 */
export function crossingOptions(
  side: CrossingSide,
  draws: CrossingDraws,
  appointments?: AppointmentSettings,
): CrossingOptions {
  const draw = (purpose: string, key: string): Uniform =>
    'next' in draws ? draws : draws.keyed(purpose, key);
  const steps: QueueStep[] = side.steps.map((s, i) => {
    const key = `step:${i}:${s.name}`;
    const random = s.probability < 1 || s.repeat > 0;
    return {
      duration: compileSampler(s.time, draw(Purpose.duration, key)),
      probability: s.probability,
      repeat: s.repeat,
      ...(random ? { decision: draw(Purpose.decision, key) } : {}),
    };
  });
  if (side.gaugeChange)
    steps.push({ duration: compileSampler(side.gaugeChange, draw(Purpose.duration, 'gauge-change')) });
  let booking: CrossingOptions['appointments'];
  if (appointments) {
    // The rate the lanes clear while open, or the quota spread over the open hours, if less: booking
    // faster would only move the queue from the backlog to the border.
    const open = openHoursPerDay(side.calendar);
    const lanesPerOpenH = side.lanes / side.clearanceMeanH;
    const quotaPerOpenH = side.quotaUnitsPerDay !== undefined ? side.quotaUnitsPerDay / open : Infinity;
    booking = {
      perHour: appointments.share * Math.min(lanesPerOpenH, quotaPerOpenH),
      slot_h: appointments.slot_h,
    };
  }
  const priority = side.priorityShare > 0 && side.priorityShare < 1;
  return {
    lanes: side.lanes,
    ...(side.calendar.alwaysOpen
      ? {}
      : { hours: crossingTimetable(side.calendar, side.lanes, side.utcOffsetH) }),
    steps,
    ...(side.quotaUnitsPerDay !== undefined
      ? { quota: { perDay: side.quotaUnitsPerDay, offset_h: side.utcOffsetH } }
      : {}),
    ...(side.priorityShare > 0 ? { priorityShare: side.priorityShare } : {}),
    ...(booking ? { appointments: booking } : {}),
    ...(priority ? { random: draw(Purpose.priority, 'class') } : {}),
    ...(side.balkAboveWait
      ? {
          balkAbove_h: compileSampler(side.balkAboveWait, draw(Purpose.balking, 'drivers')),
          clearancePerHour: side.saturatedUnitsPerH,
        }
      : {}),
    ...(side.patience
      ? { patience_h: compileSampler(side.patience, draw(Purpose.patience, 'drivers')) }
      : {}),
  };
}

/** What a unit pays at the crossing, USD: fees and gauge change, and the priority fee in the priority class. */
export function crossingCostUsd(side: CrossingSide, priorityClass: number): number {
  return (
    side.feesUsdPerUnit + side.gaugeChangeUsdPerUnit + (priorityClass === 0 ? side.priorityFeeUsdPerUnit : 0)
  );
}
