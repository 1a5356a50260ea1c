/**
 * The `overview` use case (`caravan overview`, the main job): what the network holds, the corridors
 * from Xi'an to Duisburg compared in days, dollars and CO2e, and the China–Kazakhstan rail
 * crossings year by year against their capacity.
 */
import { z } from 'zod';
import { demandMatrix } from '../flow/demand.js';
import { outlook } from '../flow/outlook.js';
import { DEFAULT_DATE } from '../model/timeline.js';
import { compileNetwork } from '../network/compile.js';
import { planRoutes } from '../route/plan.js';
import { NetworkInfoResultSchema, networkInfo } from './network-info.js';
import type { Model, UseCase } from './use-case.js';

/** The route the overview compares corridors on, when both places are in the network. */
export const HEADLINE_ROUTE = { from: "Xi'an", to: 'Duisburg', date: DEFAULT_DATE } as const;
const OUTLOOK_YEARS = { fromYear: 2024, toYear: 2032 } as const;

export const OverviewOptionsSchema = z.object({});

export const OverviewResultSchema = z.object({
  network: NetworkInfoResultSchema,
  corridors: z
    .object({
      from: z.string(),
      to: z.string(),
      date: z.string(),
      unit: z.object({ id: z.string(), t: z.number() }),
      routes: z.array(
        z.object({
          label: z.string(),
          time_h: z.object({ expected: z.number(), p90: z.number() }),
          cost_usd: z.number().describe('per unit shipped'),
          co2e_kg: z.number(),
          distance_km: z.number(),
          borders: z.number().int(),
        }),
      ),
    })
    .nullable()
    .describe("Xi'an to Duisburg, one route per corridor; null when the network lacks either place"),
  rail_outlook: z
    .array(
      z.object({
        year: z.number().int(),
        flow_t_per_year: z.number(),
        capacity_t_per_year: z.number(),
        utilization: z.number(),
        unserved_t_per_year: z.number(),
      }),
    )
    .nullable()
    .describe('the China–Kazakhstan rail border by year (capacity assignment); null when there is none'),
  notes: z
    .object({ corridors: z.string().optional(), rail_outlook: z.string().optional() })
    .describe('why a part is missing'),
});

export type OverviewResult = z.output<typeof OverviewResultSchema>;

function corridors(model: Model): OverviewResult['corridors'] {
  const names = new Set(model.nodes.flatMap((n) => [n.id, n.name, ...(n.aliases ?? [])]));
  if (!names.has(HEADLINE_ROUTE.from) || !names.has(HEADLINE_ROUTE.to)) return null;
  const plan = planRoutes(
    compileNetwork(model, { date: HEADLINE_ROUTE.date }),
    HEADLINE_ROUTE.from,
    HEADLINE_ROUTE.to,
    {
      date: HEADLINE_ROUTE.date,
    },
  );
  return {
    ...HEADLINE_ROUTE,
    unit: { id: plan.unit.id, t: plan.unit.t },
    routes: plan.routes.map((r) => ({
      label: r.label,
      time_h: { expected: r.time_h.expected, p90: r.time_h.p90 },
      cost_usd: r.cost_usd,
      co2e_kg: r.co2e_kg,
      distance_km: r.distance_km,
      borders: r.borders,
    })),
  };
}

async function railOutlook(model: Model): Promise<{ years: OverviewResult['rail_outlook']; note?: string }> {
  const demand = demandMatrix(model);
  if (demand.length === 0) return { years: null, note: 'the network has no demand' };
  const result = await outlook(compileNetwork(model), demand, { method: 'capacity', ...OUTLOOK_YEARS });
  const border = (y: (typeof result.years)[number]) =>
    y.borders.find((b) => b.countries.join('-') === 'CN-KZ' && b.mode === 'rail');
  if (!result.years.some(border))
    return { years: null, note: 'the network has no China–Kazakhstan rail border' };
  return {
    years: result.years.map((y) => ({
      year: y.year,
      flow_t_per_year: border(y)?.flow_t_per_year ?? 0,
      capacity_t_per_year: border(y)?.capacity_t_per_year ?? 0,
      utilization: border(y)?.utilization ?? 0,
      unserved_t_per_year: y.unserved_t_per_year,
    })),
  };
}

export const overviewUseCase: UseCase<typeof OverviewOptionsSchema, typeof OverviewResultSchema> = {
  name: 'overview',
  summary:
    'what the network holds, the corridors from Xi’an to Duisburg, and the China–Kazakhstan rail outlook',
  options: OverviewOptionsSchema,
  result: OverviewResultSchema,
  async run(model, _o, ctx) {
    ctx.signal?.throwIfAborted();
    const c = corridors(model);
    const rail = await railOutlook(model);
    return {
      network: networkInfo(model),
      corridors: c,
      rail_outlook: rail.years,
      notes: {
        ...(c === null ? { corridors: 'the network lacks one of them' } : {}),
        ...(rail.note !== undefined ? { rail_outlook: rail.note } : {}),
      },
    };
  },
};
