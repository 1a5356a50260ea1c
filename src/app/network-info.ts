/**
 * The `network-info` use case (`caravan network info`): what a network holds — counts, countries,
 * border crossings, the border capacity by country pair and mode, and each crossing's and service's
 * capacity per direction (declared, operational, which binds), as plain JSON.
 */
import { z } from 'zod';
import { countryName } from '../model/country.js';
import { MODES } from '../model/schema.js';
import { borderCapacity } from '../network/border-capacity.js';
import { compileNetwork } from '../network/compile.js';
import { directionCapacities } from '../network/operational-capacity.js';
import type { Model, UseCase } from './use-case.js';

export const NetworkInfoOptionsSchema = z.object({});

export const NetworkInfoResultSchema = z.object({
  name: z.string(),
  counts: z.object({
    nodes: z.number().int(),
    links: z.number().int(),
    crossings: z.number().int(),
    services: z.number().int(),
    demand: z.number().int(),
    sources: z.number().int(),
  }),
  countries: z.array(z.object({ code: z.string(), name: z.string(), nodes: z.number().int() })),
  crossings: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      mode: z.enum(MODES),
      countries: z.string().describe('countries of its two sides, e.g. "CN-KZ"'),
      lanes: z.number(),
      hours: z.string(),
      capacity_t_per_year: z
        .number()
        .nullable()
        .describe(
          'capacity of both directions together, the least of those it declares (tonnes a year, units or trains a day), as the analyses take it; null when none',
        ),
      opens: z.string().nullable(),
    }),
  ),
  border_capacity: z
    .array(
      z.object({
        countries: z.tuple([z.string(), z.string()]),
        mode: z.enum(MODES),
        steps: z.array(
          z.object({
            from: z.string().optional().describe('YYYY-MM-DD from which this capacity holds'),
            capacity_t_per_year: z.number(),
            crossings: z.array(z.string()),
          }),
        ),
      }),
    )
    .describe('sum of the crossings in service, by country pair and mode, as it changes over time'),
  direction_capacity: z
    .array(
      z.object({
        kind: z.enum(['crossing', 'service']),
        id: z.string(),
        direction: z.string().describe('`<from>-><to>`'),
        declared_t_per_year: z.number().nullable().describe('declared capacity; null when none'),
        operational_t_per_year: z
          .number()
          .nullable()
          .describe(
            'from lanes, hours, clearance and quota (crossings), departures (services); null when unlimited',
          ),
        capacity_t_per_year: z
          .number()
          .nullable()
          .describe('what the direction can carry: the lesser of the two; null when unlimited'),
        binding: z
          .enum(['lanes', 'quota', 'departures', 'declared', 'none'])
          .describe('what limits the direction'),
        shared_t_per_year: z
          .number()
          .nullable()
          .describe('declared for both directions together; null when none'),
      }),
    )
    .describe(
      'per crossing and service direction: declared, operational and effective capacity, and which binds',
    ),
});

export type NetworkInfo = z.output<typeof NetworkInfoResultSchema>;

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** The facts `network info` shows, as plain data. */
export function networkInfo(model: Model): NetworkInfo {
  const byCountry = new Map<string, number>();
  for (const n of model.nodes) byCountry.set(n.country, (byCountry.get(n.country) ?? 0) + 1);
  const country = new Map(model.nodes.map((n) => [n.id, n.country]));
  const net = compileNetwork(model);
  return {
    name: model.name ?? '',
    counts: {
      nodes: model.nodes.length,
      links: model.links.length,
      crossings: model.crossings.length,
      services: model.services.length,
      demand: model.demand.length,
      sources: model.sources.length,
    },
    countries: [...byCountry].sort().map(([code, nodes]) => ({ code, name: countryName(code), nodes })),
    crossings: model.crossings.map((c, i) => ({
      id: c.id,
      name: c.name,
      mode: c.mode,
      countries: `${country.get(c.from)}-${country.get(c.to)}`,
      lanes: c.lanes,
      hours: c.hours,
      capacity_t_per_year: finiteOrNull(net.crossings[i]!.sharedCapacityTPerYear),
      opens: c.opens ?? null,
    })),
    border_capacity: borderCapacity(model).map((b) => ({
      countries: [b.countries[0], b.countries[1]],
      mode: b.mode,
      steps: b.steps.map((s) => ({ ...s, crossings: [...s.crossings] })),
    })),
    direction_capacity: directionCapacities(net).map((r) => ({ ...r })),
  };
}

export const networkInfoUseCase: UseCase<typeof NetworkInfoOptionsSchema, typeof NetworkInfoResultSchema> = {
  name: 'network-info',
  summary: 'counts, countries, border crossings and border capacity of a network',
  options: NetworkInfoOptionsSchema,
  result: NetworkInfoResultSchema,
  async run(model) {
    return networkInfo(model);
  },
};
