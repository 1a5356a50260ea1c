/**
 * The `simulate` use case: Monte Carlo simulation of a network's crossings, ferries and trips (the
 * whole demand over its routes), with waits and door-to-door times as estimates with confidence
 * intervals, and the judgement whether a crossing's queue grows without bound.
 */
import { z } from 'zod';
import { InputError, issue } from '../model/issue.js';
import { DEFAULT_DATE } from '../model/timeline.js';
import { checkSimulateOptions, SIMULATE_DEFAULTS, simulate } from '../sim/simulate.js';
import { dateOption, isNot, issuesOf } from './options.js';
import type { Model, UseCase } from './use-case.js';

const D = SIMULATE_DEFAULTS;

export const SimulateOptionsSchema = z.object({
  days: z
    .number()
    .gt(0, { error: isNot('a number of days in (0, 3650]') })
    .lte(3650, { error: isNot('a number of days in (0, 3650]') })
    .default(D.days)
    .describe('length of the observation window, days'),
  warmupDays: z
    .number()
    .nonnegative({ error: isNot('a number of days ≥ 0 and below days') })
    .optional()
    .describe(
      `days at the start not counted while queues fill (default ${D.warmupDays}, at most half of days)`,
    ),
  drainDays: z
    .number()
    .nonnegative({ error: isNot('a number of days ≥ 0') })
    .lte(3650, { error: isNot('a number of days ≥ 0') })
    .default(D.drainDays)
    .describe('at most this many days more for trips that set off in the window to arrive'),
  replications: z
    .number()
    .int({ error: isNot('a whole number of replications ≥ 1') })
    .min(1, { error: isNot('a whole number of replications ≥ 1') })
    .max(100_000, { error: isNot('a whole number of replications ≥ 1') })
    .default(D.replications)
    .describe('independent replications'),
  seed: z
    .number()
    .int({ error: isNot('a whole number') })
    .default(D.seed)
    .describe('seed of the random streams'),
  workers: z
    .number()
    .int({ error: isNot('a whole number of workers ≥ 1') })
    .min(1, { error: isNot('a whole number of workers ≥ 1') })
    .max(1024, { error: isNot('a whole number of workers ≥ 1') })
    .optional()
    .describe('worker threads (default: all cores); the figures do not depend on it'),
  crossings: z
    .array(z.string())
    .optional()
    .describe('crossings to report (ids or names; default all that carry traffic)'),
  appointments: z
    .array(z.string())
    .optional()
    .describe('crossings with an appointment queue (e-queue), or "all"'),
  slotMinutes: z
    .number()
    .gt(0, { error: isNot('a slot length in minutes > 0') })
    .lte(10_080, { error: isNot('a slot length in minutes > 0') })
    .default(D.slotMinutes)
    .describe('length of an e-queue slot, minutes'),
  bookingShare: z
    .number()
    .gt(0, { error: isNot('a share of capacity in (0, 2]') })
    .lte(2, { error: isNot('a share of capacity in (0, 2]') })
    .default(D.bookingShare)
    .describe("share of a crossing's capacity the e-queue books"),
  divertQueue: z
    .number()
    .min(1, { error: isNot('a queue length ≥ 1') })
    .optional()
    .describe(
      'a unit finding this many units queued at a crossing goes to another crossing of the same border (default: never)',
    ),
  date: dateOption().describe(
    `YYYY-MM-DD: the infrastructure in service and the loaded network of that day (default: ${DEFAULT_DATE})`,
  ),
});

const num = z.number().nullable();
const Estimate = z
  .object({
    mean: num.describe('mean over replications of each replication mean'),
    ci95: z.tuple([z.number(), z.number()]).nullable().describe('95 % confidence interval of the mean'),
    p50: num,
    p90: num,
    p95: num,
    max: num,
  })
  .describe('an estimate, in the unit of its name; null where nothing was observed');

const CrossingFlow = z.object({
  wait_h: Estimate,
  tfi1_h: Estimate.describe('TFI1: from joining the queue to leaving the crossing, hours'),
  served: z.number(),
  arrived: z.number().describe('units that reached the crossing, those that balked included'),
  balked: z.number().describe('units that found the expected wait above their threshold and did not join'),
  reneged: z.number().describe('units that gave up waiting when their patience ran out'),
  balked_share: num.describe('balked ÷ arrived'),
  reneged_share: num.describe('reneged ÷ arrived'),
  throughput_per_day: num,
  queue_growth_per_day: num.describe(
    'measured growth of the units at the crossing over the window: (arrived − balked − reneged − cleared) ÷ days, mean over replications',
  ),
  queue_growth_per_day_ci95: z
    .tuple([z.number(), z.number()])
    .nullable()
    .describe('95 % confidence interval of that growth over replications'),
  non_stationary: z
    .boolean()
    .describe(
      'the queue does not settle (growth material and its interval excludes 0): the mean wait depends on the length of the run',
    ),
  utilization: num,
  queue: z.object({ mean: num, max: num }),
});

const Crossing = CrossingFlow.extend({
  name: z.string(),
  mode: z.string(),
  diverted: z.number(),
  cost_usd_per_unit: num,
  booked_wait_h: Estimate.optional(),
  border_wait_h: Estimate.optional(),
  booked: z.object({ mean: num }).optional(),
  directions: z.record(z.string(), CrossingFlow).describe('by "<from>-><to>" node ids'),
});

const Od = z.object({
  demands: z.array(z.string()),
  unit: z.string(),
  unit_t: z.number(),
  corridor: z.string().describe('the corridor that carries most of the pair'),
  paths: z
    .array(
      z.object({
        corridor: z.string(),
        crossings: z.array(z.string()).describe('ids of the crossings it passes, in order'),
        share: z.number().describe('share of the tonnes, 0–1'),
      }),
    )
    .describe('every corridor the pair goes by, as the loaded network splits its demand; largest first'),
  route: z.array(z.string()),
  distance_km: z.number(),
  transit_h: Estimate,
  delivered: z.number(),
  in_transit_at_end: z.number(),
  abandoned: z
    .number()
    .describe('consignments that gave up on the way (balked with no other route, or reneged)'),
  swd_kmh: num,
  swod_kmh: num,
});

export const SimulateResultSchema = z.object({
  network: z.string().nullable(),
  replications: z.number().int(),
  seed: z.number().int(),
  days: z.number(),
  warmup_days: z.number(),
  drain_days: z.number(),
  appointments: z.array(z.string()),
  divert_queue: z.number().nullable(),
  events: z.number(),
  crossings: z.record(z.string(), Crossing),
  od: z.record(z.string(), Od).describe('by "<from>-><to>" node ids'),
  services: z.record(z.string(), z.object({ name: z.string(), wait_h: Estimate })),
  warnings: z.array(z.string()),
});

export type SimulateResult = z.output<typeof SimulateResultSchema>;

export { queueGrowth } from './queue-growth.js';

export const simulateUseCase: UseCase<typeof SimulateOptionsSchema, typeof SimulateResultSchema> = {
  name: 'simulate',
  summary:
    'simulate the border crossings, ferries and trips of the network: waits with confidence intervals, door-to-door times',
  options: SimulateOptionsSchema,
  result: SimulateResultSchema,
  check: (model, o) => issuesOf(() => checkSimulateOptions(model, o)),
  async run(model: Model, o, ctx) {
    ctx.signal?.throwIfAborted();
    const result = await simulate(model, {
      ...o,
      runner: ctx.runner,
      signal: ctx.signal,
      onProgress: (done, total) => ctx.onProgress?.({ phase: 'replications', done, total }),
    });
    if (Object.keys(result.od).length === 0) {
      // Every demand was skipped: exiting 0 with an empty report would read as "no waits".
      const why = result.warnings.length > 0 ? `: ${result.warnings.join('; ')}` : '';
      throw new InputError([
        issue(
          'missing_quantity',
          'demand',
          `nothing to simulate: no demand has a route in service${o.date === undefined ? '' : ` on ${o.date}`}${why}; check the demand's modes and the elements in service (caravan validate lists each demand without a route)`,
        ),
      ]);
    }
    return result as SimulateResult;
  },
};
