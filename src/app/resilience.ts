/**
 * The `resilience` use case: countries, crossings, links or nodes taken out, against the intact
 * network — tonnage diverted by corridor, cost and time added, demand unserved, and each flow's
 * dependency on transit countries. Plain JSON: both assignments as figures, no graphs or arrays of
 * the solver.
 */
import { z } from 'zod';
import { demandInYear } from '../flow/demand-growth.js';
import { parseRemovals, REMOVAL_KINDS } from '../flow/removal.js';
import { resilience } from '../flow/resilience.js';
import { assessmentDate, DEFAULT_BASE_YEAR } from '../model/timeline.js';
import { dayNumber } from '../network/compile.js';
import { AssignmentSchema, assignmentJson, DependencySchema } from './assign.js';
import { flowInputs, flowOptionsShape, yearSchema } from './flow-inputs.js';
import { issuesOf } from './options.js';
import type { UseCase } from './use-case.js';

export const ResilienceOptionsSchema = z.object({
  ...flowOptionsShape('capacity'),
  remove: z
    .array(z.string())
    .min(1, { error: 'say what to take out, e.g. --remove country:RU crossing:ID' })
    .describe(
      `what to take out, several allowed: ${REMOVAL_KINDS.map((k) => `${k}:ID`).join(', ')} (e.g. country:RU)`,
    ),
  year: yearSchema
    .default(DEFAULT_BASE_YEAR)
    .describe('network as of 1 July of this year, demand grown to it'),
});

const num = z.number().nullable();
const CorridorChange = z.object({
  corridor: z.string(),
  baseline_t_per_year: z.number(),
  scenario_t_per_year: z.number(),
  change_t_per_year: z.number(),
});

export const ResilienceResultSchema = AssignmentSchema.extend({
  removed: z.array(z.string()).describe('what was taken out, "kind:id"'),
  baseline: AssignmentSchema.describe('the intact network; the top-level figures are with the removal'),
  differences: z.object({
    unserved_t_per_year: z.number(),
    diverted_t_per_year: z.number(),
    total_cost_usd: z.number().describe('change of the generalized cost of all served flows, a year'),
    total_cost_with_unserved_usd_per_year: z
      .number()
      .describe('change of that cost plus the cost of the tonnes left unserved: what the loss costs, a year'),
    served_cost_increase_usd: z.number().describe('cost added to the flows still served, a year'),
    served_cost_increase_usd_per_t: num,
    served_time_increase_h: num,
  }),
  corridors: z.array(CorridorChange),
  corridor_families: z.array(CorridorChange),
  od_changes: z.array(
    z.object({
      id: z.string(),
      from: z.string(),
      to: z.string(),
      demand_t_per_year: z.number(),
      baseline_served_t_per_year: z.number(),
      scenario_served_t_per_year: z.number(),
      diverted_t_per_year: z.number(),
      unserved_t_per_year: z.number(),
      cost_change_usd_per_t: num,
      time_change_h: num,
    }),
  ),
  dependency: z.array(DependencySchema).describe('on transit countries, intact network'),
  scenario_dependency: z.array(DependencySchema),
});

export type ResilienceResultJson = z.output<typeof ResilienceResultSchema>;

export const resilienceUseCase: UseCase<typeof ResilienceOptionsSchema, typeof ResilienceResultSchema> = {
  name: 'resilience',
  summary:
    'remove countries, crossings, links or nodes; report diverted tonnage, added cost and time, unserved demand',
  options: ResilienceOptionsSchema,
  result: ResilienceResultSchema,
  check: (model, o) => [
    ...issuesOf(() => flowInputs(model, o)),
    ...issuesOf(() => parseRemovals(o.remove, model, 'remove')),
  ],
  async run(model, o, ctx) {
    ctx.signal?.throwIfAborted();
    const { net, demand: base } = flowInputs(model, o);
    const removed = parseRemovals(o.remove, model, 'remove');
    const date = assessmentDate(o.year);
    const demand = demandInYear(base, o.year, { baseYear: DEFAULT_BASE_YEAR });
    const r = await resilience(net, demand, removed, {
      method: o.method,
      unservedValueSpread: o.unservedValueSpread,
      day: dayNumber(date),
      valueOfTimeUsdPerTH: o.valueOfTimeUsdPerTH,
    });
    return {
      removed: r.removed.map((x) => `${x.kind}:${x.id}`),
      ...assignmentJson(r.scenarioReport, date),
      baseline: assignmentJson(r.baselineReport, date),
      differences: r.differences,
      corridors: r.corridors,
      corridor_families: r.families,
      od_changes: r.od,
      dependency: r.dependency,
      scenario_dependency: r.scenarioDependency,
    } as ResilienceResultJson;
  },
};
