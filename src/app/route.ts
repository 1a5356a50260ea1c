/**
 * The `route` use case: the Pareto-optimal door-to-door routes between two places under a query's
 * constraints, the best one for the chosen objective, each route leg by leg with its CAREC CPMM
 * indicators and its time/cost–distance profile, as plain JSON.
 */
import { z } from 'zod';
import { RATIONED_UTILIZATION } from '../flow/loaded-state.js';
import { cachedLoadedState } from '../flow/loaded-state-cache.js';
import { InputError, type Issue } from '../model/issue.js';
import { MODES } from '../model/modes.js';
import { DEFAULT_DATE } from '../model/timeline.js';
import { compileNetwork } from '../network/compile.js';
import { NameIndex, nodeIndex } from '../network/lookup.js';
import { resolveConstraints } from '../route/constraints.js';
import { OBJECTIVES } from '../route/objective.js';
import { planRoutes, ROUTE_LIBRARY_PATHS } from '../route/plan.js';
import { planJson } from '../route/plan-json.js';
import { routeUnit } from '../route/route-context.js';
import { readSimulatedWaits } from '../route/simulated-waits.js';
import { dateOption, isNot } from './options.js';
import type { Model, UseCase } from './use-case.js';

export const RouteOptionsSchema = z.object({
  from: z.string().describe('origin: a node id, name or alias'),
  to: z.string().describe('destination: a node id, name or alias'),
  optimize: z
    .enum(OBJECTIVES, {
      error: (i) => `unknown objective "${String(i.input)}": use ${OBJECTIVES.join(', ')}`,
    })
    .default('time')
    .describe(`best route by: ${OBJECTIVES.join(', ')}`),
  valueOfTimeUsdPerH: z
    .number()
    .nonnegative({ error: isNot('an amount ≥ 0 in USD per hour') })
    .optional()
    .describe('for optimize generalized: USD per hour per unit shipped'),
  avoidCountries: z.array(z.string()).optional().describe('countries not to enter, e.g. RU,BY'),
  avoid: z
    .array(z.string())
    .optional()
    .describe('nodes, crossings, services or links not to use (ids or names)'),
  modes: z
    .array(z.enum(MODES, { error: (i) => `unknown mode "${String(i.input)}": use ${MODES.join(', ')}` }))
    .optional()
    .describe(`modes allowed, from ${MODES.join(',')}`),
  date: dateOption().describe(
    `YYYY-MM-DD: the infrastructure in service and the loaded network of that day (default: ${DEFAULT_DATE})`,
  ),
  unit: z
    .string()
    .optional()
    .describe('unit shipped: a unit of the network (teu, feu, truck) or t (default: feu, else teu)'),
  maxTransshipments: z
    .number()
    .int({ error: isNot('a whole number ≥ 0') })
    .nonnegative({ error: isNot('a whole number ≥ 0') })
    .optional()
    .describe('at most this many changes of mode'),
  cargo: z.string().optional().describe('cargo type, where the network distinguishes it'),
  waits: z
    .unknown()
    .optional()
    .describe('crossing waits: the result of the simulate use case (`caravan simulate --json`)'),
  all: z.boolean().default(false).describe('list every Pareto-optimal route, not one per corridor'),
  round: z
    .boolean()
    .default(true)
    .describe('round the figures to meaningful precision (false: full precision, to format them yourself)'),
});

const num = z.number().nullable();
const Leg = z.object({
  from: z.string(),
  to: z.string(),
  mode: z.enum(MODES),
  kind: z.enum(['link', 'crossing', 'service', 'transshipment']),
  id: z.string(),
  name: z.string(),
  distance_km: num,
  time_h: num,
  wait_h: num,
  wait_source: z.enum(['none', 'queue', 'service', 'simulated']),
  cost_usd: num,
  co2e_kg: num,
  from_mode: z.enum(MODES).optional().describe('for a transshipment: the mode the cargo arrives on'),
});

const RouteJson = z.object({
  label: z.string().describe('the corridor, e.g. "Northern via Dostyk and Brest"'),
  nodes: z.array(z.string()),
  legs: z.array(Leg),
  distance_km: num,
  time_h: z.object({ expected: num, p90: num, sd: num }),
  cost_usd: num.describe('USD per unit shipped'),
  co2e_kg: num.describe('kg CO2e per unit shipped, well-to-wheel'),
  countries: z.array(z.string()),
  borders: z.number().int(),
  transshipments: z.number().int(),
  modes: z.array(z.enum(MODES)),
  exposure: z.array(z.string()),
  efficient: z.boolean().describe('false: beaten on time, P90, cost and CO2e, kept for what it avoids'),
  avoids: z.array(z.string()).optional(),
  indicators: z.object({
    bcps: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        border: z.string(),
        mode: z.string(),
        tfi1_h: num,
        wait_h: num,
        clearance_h: num,
        tfi2_usd: num,
      }),
    ),
    delay_h: num,
    swod_kmh: num,
    swd_kmh: num,
    tfi3_usd_per_500km_20t: num,
  }),
  profile: z.array(
    z.object({
      distance_km: num,
      time_h: num,
      cost_usd: num,
      node: z.string(),
      event: z.enum(['link', 'crossing', 'service', 'transshipment', 'wait', 'start']),
      name: z.string(),
    }),
  ),
});

export const RouteResultSchema = z.object({
  from: z.string(),
  to: z.string(),
  date: z.string().nullable(),
  unit: z.object({ id: z.string(), t: z.number() }),
  objective: z.enum(OBJECTIVES),
  value_of_time_usd_per_h: z.number().nullable(),
  best: z.number().int().nullable().describe('index of the best route in routes'),
  pareto_count: z.number().int(),
  waits: z.object({
    source: z.enum(['analytic', 'simulated', 'analytic+simulated']),
    saturated: z.array(z.string()),
    rationed: z
      .array(z.string())
      .describe(
        `crossings whose direction on these routes the loaded network fills to ${RATIONED_UTILIZATION * 100} % of its capacity or more: their wait is where the freight it leaves unserved would rather not go, a ration, not a forecast of the queue`,
      ),
    shared_rations: z
      .array(
        z.object({
          kind: z.enum(['link', 'crossing', 'service']),
          id: z.string(),
          utilization: z.number().nullable().describe('flow of both directions over the capacity they share'),
          delay_h: z
            .number()
            .nullable()
            .describe('the ration, hours a tonne, as `caravan assign` reports it for the shared capacity'),
        }),
      )
      .describe(
        `elements on these routes whose capacity shared by both directions the loaded network fills to ${RATIONED_UTILIZATION * 100} % or more: the assignment rations it by a delay every tonne through the element bears, in either direction; the routes' times leave it out`,
      ),
    unrouted: z.array(z.string()),
  }),
  warnings: z.array(z.string()),
  routes: z.array(RouteJson),
});

export type RouteResult = z.output<typeof RouteResultSchema>;

export const routeUseCase: UseCase<typeof RouteOptionsSchema, typeof RouteResultSchema> = {
  name: 'route',
  summary: 'door-to-door routes between two places: Pareto trade-offs of time, reliability, cost and CO2e',
  options: RouteOptionsSchema,
  result: RouteResultSchema,
  check: (model, o) => prepare(model, o).issues,
  async run(model, o) {
    const { issues, net, from, to, options, simulatedWaits } = prepare(model, o);
    if (issues.length > 0 || from === undefined || to === undefined) throw new InputError(issues);
    // The loaded network of the date solved before (the embedded dataset's, at build time), if any.
    const loaded = cachedLoadedState(model, net, o.date);
    const plan = planRoutes(net, from, to, {
      ...options,
      simulatedWaits,
      loaded,
      paths: ROUTE_LIBRARY_PATHS,
    });
    return planJson(model, plan, { all: o.all, round: o.round }) as RouteResult;
  },
};

/** The query checked against the network: every bad value an issue at its option, all at once. */
function prepare(model: Model, o: z.output<typeof RouteOptionsSchema>) {
  // Compiled for the day: the loaded network that gives the waits is of that day too (not compiled again).
  const net = compileNetwork(model, { date: o.date });
  const P = ROUTE_LIBRARY_PATHS;
  const issues: Issue[] = [];
  const collect = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      issues.push(...e.issues);
      return undefined;
    }
  };
  const nodes = nodeIndex(model);
  const from = collect(() => nodes.resolve(o.from, P.from).id);
  const to = collect(() => nodes.resolve(o.to, P.to).id);
  const avoid: string[] = [];
  if (o.avoid !== undefined) {
    const index = new NameIndex(
      [
        ...model.nodes,
        ...model.crossings,
        ...model.services,
        ...model.links.map((l) => ({ id: l.id!, name: l.id! })),
      ],
      'node, crossing, service or link',
    );
    for (const text of o.avoid) {
      const id = collect(() => index.resolve(text, P.avoid).id);
      if (id !== undefined) avoid.push(id);
    }
  }
  const options = {
    optimize: o.optimize,
    valueOfTimeUsdPerH: o.valueOfTimeUsdPerH,
    maxTransshipments: o.maxTransshipments,
    avoidCountries: o.avoidCountries,
    avoid,
    modes: o.modes,
    date: o.date,
    unit: o.unit,
    cargo: o.cargo,
  };
  collect(() => resolveConstraints(net, options, P));
  collect(() => routeUnit(net, options.unit, P.unit));
  const simulatedWaits =
    o.waits !== undefined ? collect(() => readSimulatedWaits(net, o.waits, 'waits')) : undefined;
  return { issues, net, from, to, options, simulatedWaits };
}
