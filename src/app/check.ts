/**
 * The `check` use case (`caravan check`): the numbers of the analyses side by side for one date, and
 * where they disagree or strain. Per crossing and direction: the flow the assignment puts there, what
 * the direction can carry, the queue wait at that flow and the wait route planning uses there —
 * computed separately, they must agree — and the wait a short simulation of the date measures, with
 * its 95 % confidence interval (the `simulate` use case, run as it is), flagged where the queue
 * model's wait lies outside that interval or where the simulated queue grows. Directions near
 * capacity and demand left unserved are listed in plain words.
 */
import { z } from 'zod';
import { type CheckDirection, checkNetwork } from '../flow/check.js';
import { InputError } from '../model/issue.js';
import { DEFAULT_DATE } from '../model/timeline.js';
import { compileNetwork } from '../network/compile.js';
import { dateOption, isNot } from './options.js';
import { queueGrowth, SimulateOptionsSchema, type SimulateResult, simulateUseCase } from './simulate.js';
import type { Model, RunContext, UseCase } from './use-case.js';

/** The short simulation `check` runs by default: replications × days. */
export const CHECK_SIMULATION = { replications: 10, days: 60 } as const;

export const CheckOptionsSchema = z.object({
  date: dateOption().describe(`YYYY-MM-DD: the network and demand of that day (default: ${DEFAULT_DATE})`),
  replications: z
    .number()
    .int({ error: isNot('a whole number of replications ≥ 0') })
    .min(0, { error: isNot('a whole number of replications ≥ 0') })
    .max(1000, { error: isNot('a whole number of replications ≥ 0') })
    .default(CHECK_SIMULATION.replications)
    .describe('replications of the simulation of the date; 0: no simulation'),
  days: z
    .number()
    .gt(0, { error: isNot('a number of days in (0, 3650]') })
    .lte(3650, { error: isNot('a number of days in (0, 3650]') })
    .default(CHECK_SIMULATION.days)
    .describe('length of the simulation, days'),
  seed: SimulateOptionsSchema.shape.seed.describe('seed of the simulation'),
  workers: SimulateOptionsSchema.shape.workers,
});

const num = z.number().nullable();

const SIMULATION_STATUS = [
  'agrees',
  'differs',
  'queue grows',
  'no simulated traffic',
  'not simulated',
] as const;

/** Differences between the queue model's and the simulated wait below this are not flagged, hours (the table's resolution). */
export const WAIT_RESOLUTION_H = 0.25;

export const CheckResultSchema = z.object({
  date: z.string().describe('the day checked, YYYY-MM-DD'),
  simulation: z
    .object({ replications: z.number().int(), days: z.number(), seed: z.number().int() })
    .nullable()
    .describe('the simulation run for the simulated waits; null when none was (replications 0)'),
  crossings: z
    .array(
      z.object({
        id: z.string(),
        direction: z.string().describe('`<from>-><to>`'),
        flow_t_per_year: z.number().describe('what the assignment puts on this direction'),
        operational_capacity_t_per_year: num.describe(
          'from lanes, hours, clearance and quota; null when unlimited',
        ),
        capacity_t_per_year: num.describe('what the direction can carry; null when unlimited'),
        binding: z.string().describe('what limits the direction: lanes, quota, departures, declared, none'),
        utilization: num.describe('flow ÷ capacity; null when unlimited'),
        assigned_wait_h: num.describe("the queue model's wait at the assigned flow, hours"),
        route_wait_h: num.describe('the wait route planning uses for this crossing and direction, hours'),
        status: z.enum(['ok', 'near capacity', 'disagreement']),
        simulated_wait_h: num.describe(
          'mean wait in the simulation of the date, hours; null when not simulated',
        ),
        simulated_wait_ci95_h: z
          .tuple([z.number(), z.number()])
          .nullable()
          .describe('95 % confidence interval of the simulated mean wait, hours'),
        queue_growth_per_day: num.describe(
          'units a day by which the simulated queue grows, when it does (the mean wait then depends on the run length); else null',
        ),
        simulation: z
          .enum(SIMULATION_STATUS)
          .describe(
            "agrees: the queue model's wait is inside the simulated 95 % interval (or within a quarter of an hour of it); differs: outside it; queue grows: the simulated queue is not stationary; no simulated traffic: the simulation sent nothing this way",
          ),
      }),
    )
    .describe('every crossing direction in service'),
  unserved: z
    .array(z.object({ id: z.string(), demand_t_per_year: z.number(), unserved_t_per_year: z.number() }))
    .describe('demand the assignment leaves (partly) unserved'),
  findings: z.array(z.string()).describe('in plain words; empty when everything agrees and nothing strains'),
  consistent: z
    .boolean()
    .describe('whether route waits equal the assigned waits on every crossing direction'),
});

export type CheckResult = z.output<typeof CheckResultSchema>;
type CheckRow = CheckResult['crossings'][number];

/** A row of the analytical check joined with the simulated wait of the same crossing and direction. */
export function withSimulation(row: CheckDirection, sim: SimulateResult | null): CheckRow {
  const flow = sim?.crossings[row.id]?.directions[row.direction];
  const mean = flow?.wait_h.mean ?? null;
  const ci = flow?.wait_h.ci95 ?? null;
  const growth = flow ? queueGrowth(flow) : null;
  let simulation: CheckRow['simulation'] = sim === null ? 'not simulated' : 'no simulated traffic';
  if (growth !== null) simulation = 'queue grows';
  else if (mean !== null && ci !== null && row.assigned_wait_h !== null) {
    const w = row.assigned_wait_h;
    const inside = w >= ci[0] - WAIT_RESOLUTION_H && w <= ci[1] + WAIT_RESOLUTION_H;
    simulation = inside ? 'agrees' : 'differs';
  }
  return {
    ...row,
    simulated_wait_h: mean,
    simulated_wait_ci95_h: ci === null ? null : [ci[0], ci[1]],
    queue_growth_per_day: growth,
    simulation,
  };
}

/** The findings a simulated row adds, in plain words. */
export function simulationFindings(row: CheckRow): string[] {
  const at = `${row.id} ${row.direction}`;
  const ci = row.simulated_wait_ci95_h;
  if (row.simulation === 'queue grows')
    return [
      `${at}: the simulated queue grows by ${row.queue_growth_per_day!.toFixed(1)} units a day, so its mean wait (${row.simulated_wait_h?.toFixed(1) ?? '–'} h) depends on the length of the run; the queue model gives ${row.assigned_wait_h?.toFixed(1) ?? '–'} h`,
    ];
  if (row.simulation === 'differs')
    return [
      `${at}: the simulated wait ${row.simulated_wait_h!.toFixed(1)} h (95 % CI ${ci![0].toFixed(1)}–${ci![1].toFixed(1)}) differs from the queue model's ${row.assigned_wait_h!.toFixed(1)} h${whyDiffers(row)}`,
    ];
  return [];
}

/** Utilization from which a queue settles too slowly for a short run to measure its stationary wait. */
const SLOW_TO_SETTLE = 0.95;

/** The likely reason, in words, when a direction close to its capacity differs. */
function whyDiffers(row: CheckRow): string {
  const u = row.utilization;
  if (u === null || u < SLOW_TO_SETTLE) return '';
  if (u >= 1 - 1e-3)
    return ': at capacity the queue model has no stationary wait and gives the wait at which the assignment leaves freight unserved; in the simulation drivers give up or the queue grows';
  if ((row.simulated_wait_h ?? 0) < (row.assigned_wait_h ?? 0))
    return `: at ${Math.round(u * 100)} % of capacity a queue settles slowly, and a run that starts empty may end before it does; a longer run (--days) tells`;
  return '';
}

/** The simulation of the date by the `simulate` use case, or null when none is asked for. */
async function simulateDate(model: Model, o: CheckOptions, ctx: RunContext): Promise<SimulateResult | null> {
  if (o.replications === 0) return null;
  const options = SimulateOptionsSchema.parse({
    date: o.date,
    replications: o.replications,
    days: o.days,
    seed: o.seed,
    ...(o.workers === undefined ? {} : { workers: o.workers }),
  });
  return simulateUseCase.run(model, options, ctx);
}

type CheckOptions = z.output<typeof CheckOptionsSchema>;

export const checkUseCase: UseCase<typeof CheckOptionsSchema, typeof CheckResultSchema> = {
  name: 'check',
  summary:
    'per crossing and direction: assigned flow, capacity, analytical and simulated wait; whether route, assign and simulate agree; what is near capacity',
  options: CheckOptionsSchema,
  result: CheckResultSchema,
  async run(model, o, ctx) {
    ctx.signal?.throwIfAborted();
    const r = checkNetwork(compileNetwork(model, { date: o.date }), o.date);
    let sim: SimulateResult | null = null;
    const notes: string[] = [];
    try {
      sim = await simulateDate(model, o, ctx);
    } catch (e) {
      // Nothing to simulate on the date is a finding of the check, not a failure of it.
      if (!(e instanceof InputError) || e.issues.some((i) => i.path !== 'demand')) throw e;
      notes.push(...e.issues.map((i) => `no simulation: ${i.message}`));
    }
    const crossings = r.crossings.map((x) => withSimulation(x, sim));
    return {
      date: o.date,
      simulation: sim === null ? null : { replications: sim.replications, days: sim.days, seed: sim.seed },
      crossings,
      unserved: r.unserved.map((u) => ({ ...u })),
      findings: [...r.findings, ...notes, ...crossings.flatMap(simulationFindings)],
      consistent: r.consistent,
    };
  },
};
