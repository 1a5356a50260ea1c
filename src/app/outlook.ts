/**
 * The `outlook` use case: year by year, demand growth against the openings and closures of the
 * infrastructure calendar; flows and utilization of borders, crossings and services, and the first
 * year each saturates.
 */
import { z } from 'zod';
import { ASSIGNMENT_METHODS } from '../flow/assignment.js';
import { type GrowthSpec, parseGrowthCsv } from '../flow/demand-growth.js';
import { DEFAULT_FROM_YEAR, DEFAULT_SATURATION, DEFAULT_TO_YEAR, outlook } from '../flow/outlook.js';
import { InputError, type Issue, issue } from '../model/issue.js';
import { DEFAULT_BASE_YEAR } from '../model/timeline.js';
import { flowInputs, flowOptionsShape, NamedTextSchema, yearSchema } from './flow-inputs.js';
import { isNot, issuesOf } from './options.js';
import type { Model, UseCase } from './use-case.js';

export const OutlookOptionsSchema = z.object({
  ...flowOptionsShape('capacity'),
  fromYear: yearSchema.default(DEFAULT_FROM_YEAR).describe('first year'),
  toYear: yearSchema.default(DEFAULT_TO_YEAR).describe('last year'),
  baseYear: yearSchema.default(DEFAULT_BASE_YEAR).describe('year the demand figures describe'),
  growth: z
    .union([
      z
        .number()
        .min(-1, { error: isNot('a growth rate between -1 and 10') })
        .max(10, { error: isNot('a growth rate between -1 and 10') }),
      NamedTextSchema,
    ])
    .optional()
    .describe(
      "growth a year for every flow (0.05), or a CSV from,to[,cargo],growth_per_year (default: each demand's growth_per_year)",
    ),
  saturation: z
    .number()
    .min(0.01, { error: isNot('a utilization between 0.01 and 10') })
    .max(10, { error: isNot('a utilization between 0.01 and 10') })
    .default(DEFAULT_SATURATION)
    .describe('utilization that counts as saturated'),
});

const num = z.number().nullable();
const CapacityFlow = {
  id: z.string(),
  flow_t_per_year: z.number(),
  capacity_t_per_year: num,
  utilization: num,
};

export const OutlookResultSchema = z.object({
  method: z.enum(ASSIGNMENT_METHODS),
  base_year: z.number().int(),
  saturation_at: z.number(),
  years: z.array(
    z.object({
      year: z.number().int(),
      date: z.string(),
      demand_t_per_year: z.number(),
      served_t_per_year: z.number(),
      unserved_t_per_year: z.number(),
      total_cost_usd: z.number(),
      total_cost_with_unserved_usd_per_year: z
        .number()
        .describe('the cost of the flows plus the unserved tonnes at their unserved costs, a year'),
      gap: z.number(),
      crossings: z.array(z.object({ ...CapacityFlow, kind: z.literal('crossing') })),
      services: z.array(z.object({ ...CapacityFlow, kind: z.literal('service') })),
      links: z.array(z.object({ ...CapacityFlow, kind: z.literal('link') })),
      borders: z.array(
        z.object({
          ...CapacityFlow,
          countries: z.tuple([z.string(), z.string()]),
          mode: z.string(),
          crossings: z.array(z.string()),
        }),
      ),
    }),
  ),
  saturation: z.array(
    z.object({
      kind: z.enum(['crossing', 'service', 'link', 'border']),
      id: z.string(),
      first_year: z.number().int().nullable().describe('null: not saturated in the horizon'),
      max_utilization: z.number(),
    }),
  ),
});

export type OutlookResultJson = z.output<typeof OutlookResultSchema>;
type Options = z.output<typeof OutlookOptionsSchema>;

function growthOf(model: Model, o: Options): GrowthSpec | undefined {
  if (o.growth === undefined || typeof o.growth === 'number') return o.growth;
  return parseGrowthCsv(o.growth.text, o.growth.file, model);
}

function yearIssues(o: Options): Issue[] {
  return o.toYear < o.fromYear
    ? [issue('invalid_option', 'toYear', `${o.toYear} is before the first year ${o.fromYear}`)]
    : [];
}

export const outlookUseCase: UseCase<typeof OutlookOptionsSchema, typeof OutlookResultSchema> = {
  name: 'outlook',
  summary:
    'year by year: demand growth against openings and closures; flows, capacity and saturation of crossings',
  options: OutlookOptionsSchema,
  result: OutlookResultSchema,
  check: (model, o) => [
    ...issuesOf(() => flowInputs(model, o)),
    ...yearIssues(o),
    ...issuesOf(() => growthOf(model, o)),
  ],
  async run(model, o, ctx) {
    ctx.signal?.throwIfAborted();
    const { net, demand } = flowInputs(model, o);
    const years = yearIssues(o);
    if (years.length > 0) throw new InputError(years);
    const r = await outlook(net, demand, {
      method: o.method,
      unservedValueSpread: o.unservedValueSpread,
      fromYear: o.fromYear,
      toYear: o.toYear,
      baseYear: o.baseYear,
      growth: growthOf(model, o),
      saturationAt: o.saturation,
      valueOfTimeUsdPerTH: o.valueOfTimeUsdPerTH,
    });
    return { method: o.method, ...r } as OutlookResultJson;
  },
};
