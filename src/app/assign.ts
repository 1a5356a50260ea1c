/**
 * The `assign` use case: the origin–destination demand assigned to the network as it stands on
 * 1 July of a year (demand grown to it), with congestion (equilibrium) or hard capacities (LP):
 * flow, capacity and utilization of every element, bottlenecks, demand served and unserved, and
 * tonnage by corridor.
 */
import { z } from 'zod';
import { ASSIGNMENT_METHODS, assignFlows } from '../flow/assignment.js';
import { bottlenecks } from '../flow/bottlenecks.js';
import { corridorFlows, dependencyTable } from '../flow/corridors.js';
import { demandInYear } from '../flow/demand-growth.js';
import { buildFlowGraph } from '../flow/flow-graph.js';
import type { FlowReport } from '../flow/flow-report.js';
import { flowReport } from '../flow/flow-report.js';
import { assessmentDate, DEFAULT_BASE_YEAR } from '../model/timeline.js';
import { dayNumber } from '../network/compile.js';
import { flowInputs, flowOptionsShape, yearSchema } from './flow-inputs.js';
import { isNot, issuesOf } from './options.js';
import type { UseCase } from './use-case.js';

export const AssignOptionsSchema = z.object({
  ...flowOptionsShape('equilibrium'),
  year: yearSchema
    .default(DEFAULT_BASE_YEAR)
    .describe('network as of 1 July of this year, demand grown to it'),
  maxGap: z
    .number()
    .min(1e-12, { error: isNot('a relative gap in [1e-12, 1]') })
    .max(1, { error: isNot('a relative gap in [1e-12, 1]') })
    .default(1e-4)
    .describe('equilibrium: stop at this relative gap'),
});

const num = z.number().nullable();
const KIND = z.enum(['link', 'crossing', 'service']);

const BINDING = z.enum(['lanes', 'quota', 'departures', 'declared', 'none']);

/** One direction of an element at the assignment's flows. */
export const DirectionFlowSchema = z.object({
  flow_t_per_year: z.number(),
  capacity_t_per_year: num.describe(
    'the operational capacity, capped by a declared one; null when unlimited',
  ),
  operational_capacity_t_per_year: num.describe(
    'from lanes, hours, clearance and quota (crossings), departures (services); null when unlimited',
  ),
  declared_capacity_t_per_year: num,
  binding: BINDING.describe('what limits the direction'),
  utilization: num.describe('flow ÷ capacity; null when unlimited'),
  delay_h: z
    .number()
    .describe(
      'equilibrium, hours: at a crossing, the wait its queue adds at this flow above its wait with no load (wait_h is both: the wait route gives); on a service or a link, and under a declared capacity below the operational one, a barrier ρ/(1 − ρ) that keeps the flow within the capacity (a cost, not a wait)',
    ),
  wait_h: num
    .optional()
    .describe(
      'crossings: mean wait before clearance at this flow, hours; null at or above capacity, where the queue grows without end',
    ),
  shadow_price_usd_per_t: num,
  congestion_toll_usd_per_t: num,
});

export const SharedFlowSchema = z.object({
  flow_t_per_year: z.number().describe('both directions together'),
  capacity_t_per_year: z.number(),
  utilization: z.number(),
  delay_h: z
    .number()
    .describe(
      'equilibrium: a barrier, ρ/(1 − ρ) hours, that keeps the two directions within the capacity they share; a cost on every path through it, not a queue (route and simulate wait at each direction only)',
    ),
  shadow_price_usd_per_t: num,
  congestion_toll_usd_per_t: num,
});

export const ElementFlowSchema = z.object({
  kind: KIND,
  id: z.string(),
  name: z.string().optional(),
  from: z.string(),
  to: z.string(),
  mode: z.string(),
  directions: z
    .record(z.string(), DirectionFlowSchema)
    .describe('each direction the element can be travelled, keyed `<from>-><to>`'),
  shared: SharedFlowSchema.nullable().describe(
    'the capacity both directions share (a declared one), with its figures; null when the element has none',
  ),
  flow_t_per_year: z.number().describe('both directions together'),
  flow_forward_t_per_year: z.number(),
  flow_reverse_t_per_year: z.number(),
  capacity_t_per_year: num.describe(
    "both directions: the sum of the directions' capacities, capped by a shared one; null when unlimited",
  ),
  utilization: num.describe('the highest of flow ÷ capacity over the directions and the shared capacity'),
  delay_h: z.number().describe('the longest congestion delay of the directions (equilibrium)'),
  shadow_price_usd_per_t: num.describe('capacity method: what one more tonne a year of capacity saves'),
  congestion_toll_usd_per_t: num.describe('equilibrium: marginal-cost toll'),
});

export const OdFlowSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  cargo: z.string(),
  demand_t_per_year: z.number(),
  served_t_per_year: z.number(),
  unserved_t_per_year: z.number(),
  unserved_cost_usd_per_t: z.number().describe('what a tonne left unserved costs'),
  cost_usd_per_t: num,
  time_h: num,
});

/** An assignment's figures: elements, unserved demand, cost and gap. */
export const AssignmentSchema = z.object({
  method: z.enum(ASSIGNMENT_METHODS),
  date: z.string().describe('the day the network is taken on, YYYY-MM-DD'),
  links: z.array(ElementFlowSchema),
  crossings: z.array(ElementFlowSchema),
  services: z.array(ElementFlowSchema),
  od: z.array(OdFlowSchema),
  demand_t_per_year: z.number(),
  served_t_per_year: z.number(),
  unserved_t_per_year: z.number(),
  total_cost_usd: z
    .number()
    .describe('generalized cost of the served flows a year: money plus value of time'),
  unserved_cost_usd_per_year: z
    .number()
    .describe('what the unserved tonnes cost a year at their unserved costs'),
  total_cost_with_unserved_usd_per_year: z
    .number()
    .describe('the two together: what the assignment minimizes (capacity) or prices (equilibrium)'),
  money_cost_usd: z.number(),
  mean_cost_usd_per_t: num,
  mean_time_h: num,
  gap: z.number(),
  iterations: z.number().int(),
  converged: z.boolean(),
});

const Bottleneck = z.object({
  kind: KIND,
  id: z.string(),
  utilization: z.number(),
  flow_t_per_year: z.number(),
  capacity_t_per_year: z.number(),
  price_usd_per_t: z.number(),
  value_of_1mt_usd_per_year: z.number(),
});

export const DependencySchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  served_t_per_year: z.number(),
  transit: z
    .array(z.object({ country: z.string(), share: z.number() }))
    .describe('countries other than the origin and destination, by share of the tonnage, largest first'),
  max_transit_share: z
    .number()
    .describe('the largest transit share: how much of the flow one country could stop'),
});

export const AssignResultSchema = AssignmentSchema.extend({
  elapsed_ms: z.number().describe('time the assignment took'),
  bottlenecks: z.object({ by_utilization: z.array(Bottleneck), by_shadow_price: z.array(Bottleneck) }),
  corridors: z.array(z.object({ corridor: z.string(), flow_t_per_year: z.number() })),
  dependency: z.array(DependencySchema),
});

export type Assignment = z.output<typeof AssignmentSchema>;
export type AssignResult = z.output<typeof AssignResultSchema>;

/** The JSON of an assignment report on a date. */
export function assignmentJson(report: FlowReport, date: string): Assignment {
  const s = report.summary;
  return {
    method: s.method,
    date,
    links: report.links,
    crossings: report.crossings,
    services: report.services,
    od: report.od,
    demand_t_per_year: s.demand_t_per_year,
    served_t_per_year: s.served_t_per_year,
    unserved_t_per_year: s.unserved_t_per_year,
    total_cost_usd: s.total_cost_usd,
    unserved_cost_usd_per_year: s.unserved_cost_usd_per_year,
    total_cost_with_unserved_usd_per_year: s.total_cost_with_unserved_usd_per_year,
    money_cost_usd: s.money_cost_usd,
    mean_cost_usd_per_t: s.mean_cost_usd_per_t,
    mean_time_h: s.mean_time_h,
    gap: s.gap,
    iterations: s.iterations,
    converged: s.converged,
  } as Assignment;
}

export const assignUseCase: UseCase<typeof AssignOptionsSchema, typeof AssignResultSchema> = {
  name: 'assign',
  summary: 'assign the origin–destination demand: flows, capacities, bottlenecks, unserved demand',
  options: AssignOptionsSchema,
  result: AssignResultSchema,
  check: (model, o) => issuesOf(() => flowInputs(model, o)),
  async run(model, o, ctx) {
    ctx.signal?.throwIfAborted();
    const date = assessmentDate(o.year);
    // The network as its dated changes leave it that day, as route waits read it.
    const { net, demand: base } = flowInputs(model, o, date);
    const graph = buildFlowGraph(net, { day: dayNumber(date), valueOfTimeUsdPerTH: o.valueOfTimeUsdPerTH });
    const demand = demandInYear(base, o.year, { baseYear: DEFAULT_BASE_YEAR });
    const started = performance.now();
    const as = await assignFlows(graph, demand, {
      method: o.method,
      maxGap: o.maxGap,
      unservedValueSpread: o.unservedValueSpread,
    });
    const elapsedMs = performance.now() - started;
    const report = flowReport(as);
    return {
      ...assignmentJson(report, date),
      elapsed_ms: elapsedMs,
      bottlenecks: bottlenecks(report),
      corridors: corridorFlows(as),
      dependency: dependencyTable(as),
    } as AssignResult;
  },
};
