/**
 * `compare`: the base network and one or more variants (scenarios applied to the base), each run
 * through the same analyses — the simulation with common random numbers (same seed, replication r
 * against replication r), the best route of every origin–destination pair, the assignment and the
 * outlook — and every difference reported, with its 95 % interval where it is stochastic.
 */
import { z } from 'zod';
import { type Difference, exactDifference, pairedDifference } from '../compare/paired.js';
import {
  type FlowFigures,
  type ReplicationSeries,
  SeriesCollector,
  waitQuantiles,
} from '../compare/replication-series.js';
import { assignFlows } from '../flow/assignment.js';
import { corridorFlows } from '../flow/corridors.js';
import { demandMatrix } from '../flow/demand.js';
import { demandInYear } from '../flow/demand-growth.js';
import { buildFlowGraph } from '../flow/flow-graph.js';
import { flowReport } from '../flow/flow-report.js';
import { outlook } from '../flow/outlook.js';
import { timeCostDistance } from '../indicators/time-cost-distance.js';
import { formatPath, InputError, type Issue } from '../model/issue.js';
import { checkSimulationLimits } from '../model/limits.js';
import { applyScenario, parseScenario } from '../model/scenario.js';
import type { NetworkModel } from '../model/schema.js';
import { DEFAULT_BASE_YEAR, DEFAULT_DATE, networkOn } from '../model/timeline.js';
import { validateNetwork } from '../model/validate.js';
import { compileNetwork, dayNumber } from '../network/compile.js';
import { planRoutes } from '../route/plan.js';
import { type ReplicationRunner, runInThread } from '../sim/replication-set.js';
import { checkSimulateOptions, resolveSimulateOptions, SIMULATE_DEFAULTS } from '../sim/simulate.js';
import { buildPlan } from '../sim/simulation-plan.js';
import { type CrossingFlowJson, ResultMerger, type SimulationResult } from '../sim/simulation-result.js';
import { dateText, issuesOf } from './options.js';
import type { RunContext, UseCase } from './use-case.js';

export const COMPARE_DEFAULTS = {
  date: DEFAULT_DATE,
  days: SIMULATE_DEFAULTS.days,
  replications: SIMULATE_DEFAULTS.replications,
  seed: SIMULATE_DEFAULTS.seed,
  toYear: 2035,
} as const;

/** The analyses a comparison runs on the base and on every variant. */
export const ANALYSES = ['simulation', 'routes', 'assignment', 'outlook'] as const;
export type Analysis = (typeof ANALYSES)[number];

export const CompareOptions = z.strictObject({
  scenarios: z
    .array(
      z.strictObject({
        name: z.string().min(1).describe('short name: a built-in scenario name or the file name'),
        scenario: z.unknown().describe('the scenario (caravan-scenario/1) as data'),
        source: z.string().optional().describe('where it was read from'),
      }),
    )
    .min(1, 'give at least one scenario to compare with the base')
    .describe('the variants: each scenario is applied to the base on its own'),
  base_name: z.string().default('base').describe('name of the base in the output'),
  date: dateText
    .optional()
    .describe(
      `the day the network is taken on (default: a scenario's own date, else ${COMPARE_DEFAULTS.date})`,
    ),
  days: z.number().gt(0).lte(3650).default(COMPARE_DEFAULTS.days).describe('simulated days per replication'),
  warmup_days: z
    .number()
    .gte(0)
    .optional()
    .describe('days not counted at the start (default min(14, days/2))'),
  replications: z
    .number()
    .int()
    .min(2)
    .max(100_000)
    .default(COMPARE_DEFAULTS.replications)
    .describe('replications, the same for the base and every variant (at least 2 for an interval)'),
  seed: z.number().int().default(COMPARE_DEFAULTS.seed).describe('seed shared by the base and every variant'),
  independent_seeds: z
    .boolean()
    .default(false)
    .describe('give each variant its own seed (no common random numbers): for checking the method'),
  workers: z
    .number()
    .int()
    .min(1)
    .max(1024)
    .optional()
    .describe('worker threads (default: every core); the figures do not depend on it'),
  to_year: z
    .number()
    .int()
    .min(2000)
    .max(2200)
    .default(COMPARE_DEFAULTS.toYear)
    .describe('last year of the outlook'),
  analyses: z
    .array(z.enum(ANALYSES))
    .default([...ANALYSES])
    .describe(`which analyses to run, of ${ANALYSES.join(', ')} (default: all)`),
});
export type CompareOptionsInput = z.input<typeof CompareOptions>;

const DifferenceJson = z.object({
  base: z.number().nullable(),
  scenario: z.number().nullable(),
  difference: z.number().nullable(),
  difference_ci95: z.tuple([z.number(), z.number()]).nullable(),
  pairs: z.number(),
});

/** A figure of the base run and of the scenario's, side by side (null where the crossing was unused). */
const Pair = <T extends z.ZodType>(t: T) => z.object({ base: t.nullable(), scenario: t.nullable() });

const FlowDifferences = z.object({
  wait_h: DifferenceJson,
  throughput_per_day: DifferenceJson,
  utilization: DifferenceJson,
  non_stationary: Pair(z.boolean()).describe(
    "the queue does not settle in that run (simulate's non_stationary): its mean wait depends on the length of the run",
  ),
  balked_share: Pair(z.number()).describe('share of arriving units that balked'),
  reneged_share: Pair(z.number()).describe('share of arriving units that gave up waiting'),
});

const RouteSide = z
  .object({
    label: z.string(),
    time_h: z.number(),
    p90_h: z.number(),
    cost_usd: z.number(),
    co2e_kg: z.number(),
    distance_km: z.number(),
    countries: z.array(z.string()),
    rationed: z
      .array(z.string())
      .describe(
        "crossings of this route whose wait is the equilibrium's ration, not a forecast of the queue (route's waits.rationed)",
      ),
    shared_rations: z
      .array(z.object({ kind: z.enum(['link', 'crossing', 'service']), id: z.string(), delay_h: z.number() }))
      .describe(
        "elements of this route whose capacity shared by both directions the loaded network rations, with the ration `caravan assign` adds to every tonne through them, hours (route's waits.shared_rations): the route's time leaves it out",
      ),
    profile: z.array(
      z.object({
        distance_km: z.number(),
        time_h: z.number(),
        cost_usd: z.number(),
        event: z.string(),
        name: z.string(),
      }),
    ),
  })
  .nullable();

const AnalysesJson = z.object({
  simulation: z.unknown().optional(),
  wait_quantiles_h: z
    .record(z.string(), z.array(z.object({ p: z.number(), wait_h: z.number() })))
    .optional()
    .describe('per crossing, the waits of every unit of every replication pooled, as quantiles'),
  routes: z
    .array(z.object({ from: z.string(), to: z.string(), unit: z.string(), route: RouteSide }))
    .optional(),
  assignment: z
    .object({
      date: z.string(),
      served_t_per_year: z.number(),
      unserved_t_per_year: z.number(),
      mean_time_h: z.number().nullable(),
      mean_cost_usd_per_t: z.number().nullable(),
      corridors: z.array(z.object({ corridor: z.string(), flow_t_per_year: z.number() })),
      elements: z.array(
        z.object({
          kind: z.string(),
          id: z.string(),
          from: z.string(),
          to: z.string(),
          mode: z.string(),
          flow_t_per_year: z.number(),
          utilization: z.number().nullable(),
        }),
      ),
    })
    .optional(),
  outlook: z
    .object({
      years: z.array(
        z.object({
          year: z.number(),
          demand_t_per_year: z.number(),
          served_t_per_year: z.number(),
          unserved_t_per_year: z.number(),
          borders: z.array(
            z.object({
              id: z.string(),
              flow_t_per_year: z.number(),
              capacity_t_per_year: z.number().nullable(),
            }),
          ),
        }),
      ),
      saturation: z.array(
        z.object({
          kind: z.string(),
          id: z.string(),
          first_year: z.number().nullable(),
          max_utilization: z.number(),
        }),
      ),
    })
    .optional(),
});
export type Analyses = z.output<typeof AnalysesJson>;

export const CompareResult = z.object({
  method: z.object({
    date: z.string(),
    days: z.number(),
    warmup_days: z.number(),
    replications: z.number(),
    seed: z.number(),
    common_random_numbers: z.boolean(),
    to_year: z.number(),
    analyses: z.array(z.enum(ANALYSES)),
  }),
  base: AnalysesJson.extend({ name: z.string() }),
  scenarios: z.array(
    AnalysesJson.extend({
      name: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      seed: z.number(),
      changed: z.array(
        z.object({ path: z.string(), value: z.unknown(), provenance: z.unknown().optional() }),
      ),
      crossings: z.record(
        z.string(),
        FlowDifferences.extend({ name: z.string(), directions: z.record(z.string(), FlowDifferences) }),
      ),
      transit_h: z.record(z.string(), DifferenceJson),
      route_differences: z.array(
        z.object({
          from: z.string(),
          to: z.string(),
          base_label: z.string().nullable(),
          scenario_label: z.string().nullable(),
          time_h: DifferenceJson,
          cost_usd: DifferenceJson,
          co2e_kg: DifferenceJson,
        }),
      ),
      corridor_differences: z.array(
        z.object({ corridor: z.string(), base: z.number(), scenario: z.number(), difference: z.number() }),
      ),
      outlook_differences: z.array(
        z.object({
          kind: z.string(),
          id: z.string(),
          base_first_year: z.number().nullable(),
          scenario_first_year: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type CompareResultJson = z.output<typeof CompareResult>;

/** The scenario's data, parsed and applied to the base; issues are located in the scenario (`scenarios[i]…`). */
export function applyVariant(
  base: NetworkModel,
  data: unknown,
  at: number,
): {
  model: NetworkModel;
  title: string;
  description: string | null;
  date: string | undefined;
  changed: ChangedField[];
} {
  const prefix = (issues: readonly Issue[]) =>
    issues.map((i) => ({
      ...i,
      path: `${formatPath(['scenarios', at, 'scenario'])}${i.path ? `.${i.path}` : ''}`,
    }));
  const parsed = parseScenario(data);
  if (!parsed.scenario) throw new InputError(prefix(parsed.issues));
  const applied = applyScenario(base, parsed.scenario);
  if (!applied.network) throw new InputError(prefix(applied.issues));
  const valid = validateNetwork(applied.network);
  if (!valid.model) throw new InputError(prefix(valid.issues.filter((i) => i.severity === 'error')));
  const s = parsed.scenario;
  return {
    model: valid.model,
    title: s.name,
    description: s.description ?? null,
    date: s.date,
    changed: changedFields(s),
  };
}

export interface ChangedField {
  readonly path: string;
  readonly value: unknown;
  readonly provenance?: unknown;
}

/** Every field a scenario sets, removes or adds, with the provenance it gives: for the methods section. */
function changedFields(s: NonNullable<ReturnType<typeof parseScenario>['scenario']>): ChangedField[] {
  const out: ChangedField[] = [];
  for (const [list, entries] of Object.entries(s.changes))
    for (const [id, fields] of Object.entries(entries ?? {})) {
      const prov = (fields.provenance ?? {}) as Record<string, unknown>;
      for (const [field, value] of Object.entries(fields)) {
        if (field === 'provenance') continue;
        const source = Object.entries(prov).find(([k]) =>
          k
            .split(',')
            .map((x) => x.trim())
            .includes(field),
        );
        out.push({
          path: `${list}.${id}.${field}`,
          value: value === null ? '(removed)' : value,
          provenance: source?.[1],
        });
      }
    }
  for (const [list, ids] of Object.entries(s.remove))
    for (const id of ids ?? []) out.push({ path: `${list}.${id}`, value: '(removed)' });
  for (const [list, entries] of Object.entries(s.add))
    for (const e of entries ?? []) {
      const entry = e as Record<string, unknown>;
      out.push({
        path: `${list}.${String(entry.id ?? '(new)')}`,
        value: '(added)',
        provenance: entry.provenance,
      });
    }
  for (const [mode, props] of Object.entries(s.modes))
    for (const [k, v] of Object.entries(props ?? {})) out.push({ path: `modes.${mode}.${k}`, value: v });
  if (s.simulation?.e_queue)
    out.push({
      path: 'simulation.e_queue',
      value: s.simulation.e_queue,
      provenance: s.simulation.provenance,
    });
  return out;
}

interface SimulationRun {
  readonly summary: SimulationResult;
  readonly series: ReplicationSeries;
}

async function simulateSeries(
  model: NetworkModel,
  o: z.output<typeof CompareOptions>,
  date: string,
  seed: number,
  eQueue: readonly string[] | undefined,
  progress: (done: number, total: number) => void,
  runner: ReplicationRunner,
  signal: AbortSignal | undefined,
): Promise<SimulationRun> {
  const r = resolveSimulateOptions(model, {
    days: o.days,
    warmupDays: o.warmup_days,
    replications: o.replications,
    seed,
    workers: o.workers,
    appointments: eQueue,
    paths: {
      days: 'days',
      warmupDays: 'warmup_days',
      replications: 'replications',
      seed: 'seed',
      workers: 'workers',
    },
  });
  // The network as its dated changes (closures, capacity steps) leave it on the simulated day.
  const plan = buildPlan(networkOn(model, date), {
    warmup_h: r.warmupDays * 24,
    end_h: r.days * 24,
    drain_h: r.drainDays * 24,
    appointments: r.appointments,
    eQueue: r.eQueue,
    divertQueue: r.divertQueue,
    date,
  });
  checkSimulationLimits(plan, r.replications);
  const merger = new ResultMerger(plan);
  const collector = new SeriesCollector(plan);
  const set = await runner(plan, {
    seed: r.seed,
    replications: r.replications,
    workers: r.workers,
    signal,
    onProgress: (p) => progress(p.done, p.total),
  });
  // In replication order: the same figures however the set was put together.
  const results = [...set.results].sort((a, b) => a.replication - b.replication);
  for (const result of results) {
    merger.add(result);
    collector.add(result);
  }
  return { summary: merger.result({ seed: r.seed }), series: collector.result() };
}

async function deterministic(
  model: NetworkModel,
  date: string,
  o: z.output<typeof CompareOptions>,
  progress: (phase: string) => void,
): Promise<Omit<Analyses, 'simulation'>> {
  const net = compileNetwork(model, { date });
  const out: Omit<Analyses, 'simulation'> = {};
  const demand = demandMatrix(model);
  if (o.analyses.includes('routes')) {
    progress('routes');
    const seen = new Set<string>();
    const routes: NonNullable<Analyses['routes']> = [];
    for (const d of model.demand) {
      const key = `${d.from}->${d.to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const modes = d.modes ?? (d.mode ? [d.mode] : undefined);
      const plan = planRoutes(net, d.from, d.to, { date, optimize: 'time', ...(modes ? { modes } : {}) });
      const best = plan.best;
      routes.push({
        from: d.from,
        to: d.to,
        unit: plan.unit.id,
        route: best
          ? {
              label: best.label,
              time_h: best.time_h.expected,
              p90_h: best.time_h.p90,
              cost_usd: best.cost_usd,
              co2e_kg: best.co2e_kg,
              distance_km: best.distance_km,
              countries: best.countries,
              rationed: best.legs
                .filter((l) => l.kind === 'crossing' && plan.waits.rationed.includes(l.id))
                .map((l) => l.id),
              shared_rations: plan.waits.sharedRations
                .filter((x) => best.legs.some((l) => l.kind === x.kind && l.id === x.id))
                .map((x) => ({ kind: x.kind, id: x.id, delay_h: x.delayH })),
              profile: timeCostDistance(best).map((p) => ({
                distance_km: p.distance_km,
                time_h: p.time_h,
                cost_usd: p.cost_usd,
                event: p.event,
                name: p.name,
              })),
            }
          : null,
      });
    }
    out.routes = routes;
  }
  const year = Number(date.slice(0, 4));
  if (o.analyses.includes('assignment') && demand.length > 0) {
    progress('assignment');
    const graph = buildFlowGraph(net, { day: dayNumber(date) });
    const as = await assignFlows(graph, demandInYear(demand, year, { baseYear: DEFAULT_BASE_YEAR }), {
      method: 'equilibrium',
    });
    const report = flowReport(as);
    out.assignment = {
      date,
      served_t_per_year: report.summary.served_t_per_year,
      unserved_t_per_year: report.summary.unserved_t_per_year,
      mean_time_h: report.summary.mean_time_h,
      mean_cost_usd_per_t: report.summary.mean_cost_usd_per_t,
      corridors: corridorFlows(as),
      elements: [...report.links, ...report.crossings, ...report.services].map((e) => ({
        kind: e.kind,
        id: e.id,
        from: e.from,
        to: e.to,
        mode: e.mode,
        flow_t_per_year: e.flow_t_per_year,
        utilization: e.utilization,
      })),
    };
  }
  if (o.analyses.includes('outlook') && demand.length > 0) {
    progress('outlook');
    const fromYear = Math.min(Math.max(year, DEFAULT_BASE_YEAR), o.to_year);
    // Each year sees its own dated changes, as in `caravan outlook`: the network as written.
    const r = await outlook(compileNetwork(model), demand, {
      method: 'capacity',
      fromYear,
      toYear: o.to_year,
    });
    out.outlook = {
      years: r.years.map((y) => ({
        year: y.year,
        demand_t_per_year: y.demand_t_per_year,
        served_t_per_year: y.served_t_per_year,
        unserved_t_per_year: y.unserved_t_per_year,
        borders: y.borders.map((b) => ({
          id: b.id,
          flow_t_per_year: b.flow_t_per_year,
          capacity_t_per_year: b.capacity_t_per_year,
        })),
      })),
      saturation: r.saturation.map((s) => ({ ...s })),
    };
  }
  return out;
}

const NaNs = (n: number) => Array.from({ length: n }, () => Number.NaN);
const zeros = (n: number) => Array.from({ length: n }, () => 0);

/**
 * Paired differences of two flows' figures; a crossing no unit reached on one side cleared 0 a day there.
 * `flows` are the two runs' merged figures of the same crossing (or direction), for the flags.
 */
function flowDifferences(
  base: readonly FlowFigures[] | undefined,
  variant: readonly FlowFigures[] | undefined,
  n: number,
  flows: readonly [CrossingFlowJson | undefined, CrossingFlowJson | undefined],
): z.output<typeof FlowDifferences> {
  const pick = (l: readonly FlowFigures[] | undefined, k: keyof FlowFigures, missing: number[]) =>
    l ? l.map((f) => f[k]) : missing;
  const [b, v] = flows;
  return {
    non_stationary: { base: b?.non_stationary ?? null, scenario: v?.non_stationary ?? null },
    balked_share: { base: b?.balked_share ?? null, scenario: v?.balked_share ?? null },
    reneged_share: { base: b?.reneged_share ?? null, scenario: v?.reneged_share ?? null },
    wait_h: pairedDifference(pick(base, 'wait_h', NaNs(n)), pick(variant, 'wait_h', NaNs(n))),
    throughput_per_day: pairedDifference(
      pick(base, 'throughput_per_day', zeros(n)),
      pick(variant, 'throughput_per_day', zeros(n)),
    ),
    utilization: pairedDifference(pick(base, 'utilization', NaNs(n)), pick(variant, 'utilization', NaNs(n))),
  };
}

function crossingDifferences(base: SimulationRun, variant: SimulationRun, names: Map<string, string>) {
  const n = Math.min(base.series.replications, variant.series.replications);
  const ids = [...new Set([...base.series.crossings.keys(), ...variant.series.crossings.keys()])];
  const out: CompareResultJson['scenarios'][number]['crossings'] = {};
  for (const id of ids) {
    const bd = base.series.directions.get(id) ?? new Map();
    const vd = variant.series.directions.get(id) ?? new Map();
    const directions: Record<string, z.output<typeof FlowDifferences>> = {};
    const bc = base.summary.crossings[id];
    const vc = variant.summary.crossings[id];
    for (const dir of [...new Set([...bd.keys(), ...vd.keys()])])
      directions[dir] = flowDifferences(bd.get(dir), vd.get(dir), n, [
        bc?.directions[dir],
        vc?.directions[dir],
      ]);
    out[id] = {
      name: names.get(id) ?? id,
      ...flowDifferences(base.series.crossings.get(id), variant.series.crossings.get(id), n, [bc, vc]),
      directions,
    };
  }
  return out;
}

function transitDifferences(base: SimulationRun, variant: SimulationRun): Record<string, Difference> {
  const n = Math.min(base.series.replications, variant.series.replications);
  const out: Record<string, Difference> = {};
  for (const od of [...new Set([...base.series.transit_h.keys(), ...variant.series.transit_h.keys()])])
    out[od] = pairedDifference(
      base.series.transit_h.get(od) ?? NaNs(n),
      variant.series.transit_h.get(od) ?? NaNs(n),
    );
  return out;
}

function routeDifferences(base: Analyses['routes'], variant: Analyses['routes']) {
  if (!base || !variant) return [];
  return base.map((b) => {
    const v = variant.find((x) => x.from === b.from && x.to === b.to);
    const d = (k: 'time_h' | 'cost_usd' | 'co2e_kg') =>
      exactDifference(b.route?.[k] ?? null, v?.route?.[k] ?? null);
    return {
      from: b.from,
      to: b.to,
      base_label: b.route?.label ?? null,
      scenario_label: v?.route?.label ?? null,
      time_h: d('time_h'),
      cost_usd: d('cost_usd'),
      co2e_kg: d('co2e_kg'),
    };
  });
}

function corridorDifferences(base: Analyses['assignment'], variant: Analyses['assignment']) {
  if (!base || !variant) return [];
  const names = [
    ...new Set([...base.corridors.map((c) => c.corridor), ...variant.corridors.map((c) => c.corridor)]),
  ];
  const flow = (a: NonNullable<Analyses['assignment']>, c: string) =>
    a.corridors.find((x) => x.corridor === c)?.flow_t_per_year ?? 0;
  return names
    .map((corridor) => {
      const b = flow(base, corridor);
      const s = flow(variant, corridor);
      return { corridor, base: b, scenario: s, difference: s - b };
    })
    .sort(
      (x, y) =>
        Math.max(y.base, y.scenario) - Math.max(x.base, x.scenario) || x.corridor.localeCompare(y.corridor),
    );
}

function outlookDifferences(base: Analyses['outlook'], variant: Analyses['outlook']) {
  if (!base || !variant) return [];
  const key = (s: { kind: string; id: string }) => `${s.kind}:${s.id}`;
  const v = new Map(variant.saturation.map((s) => [key(s), s]));
  const b = new Map(base.saturation.map((s) => [key(s), s]));
  return [...new Set([...b.keys(), ...v.keys()])]
    .map((k) => {
      const x = b.get(k);
      const y = v.get(k);
      const src = (x ?? y)!;
      return {
        kind: src.kind,
        id: src.id,
        base_first_year: x?.first_year ?? null,
        scenario_first_year: y?.first_year ?? null,
      };
    })
    .filter((d) => d.base_first_year !== null || d.scenario_first_year !== null);
}

function quantilesOf(run: SimulationRun): Record<string, { p: number; wait_h: number }[]> {
  const out: Record<string, { p: number; wait_h: number }[]> = {};
  for (const [id, h] of run.series.waits) {
    const q = waitQuantiles(h);
    if (q.length > 0) out[id] = q;
  }
  return out;
}

/** Seed of variant k when the seeds are independent: far from the base's so that no stream is shared. */
export function independentSeed(seed: number, k: number): number {
  return seed + 1_000_003 * (k + 1);
}

export async function runCompare(
  base: NetworkModel,
  options: z.output<typeof CompareOptions>,
  ctx: RunContext = {},
  runner: ReplicationRunner = runInThread,
): Promise<CompareResultJson> {
  const o = options;
  const variants = o.scenarios.map((s, i) => ({ ...applyVariant(base, s.scenario, i), name: s.name }));
  const date = o.date ?? variants.find((v) => v.date !== undefined)?.date ?? COMPARE_DEFAULTS.date;
  const eQueueOf = (i: number): string[] | undefined => {
    const parsed = parseScenario(o.scenarios[i]!.scenario).scenario;
    return parsed?.simulation?.e_queue;
  };
  // Progress in units of work over the whole comparison, so that it only ever grows: a replication
  // of a simulation, or one of a run's other analyses.
  const runs = 1 + variants.length;
  const replications = o.analyses.includes('simulation') ? o.replications : 0;
  const total = runs * (replications + o.analyses.filter((a) => a !== 'simulation').length);
  let unitsDone = 0;
  const report = (phase: string, done: number) => {
    ctx.onProgress?.({ phase, done, total });
    if (ctx.signal?.aborted) throw ctx.signal.reason ?? new Error('aborted');
  };
  const step = (phase: string) => report(phase, unitsDone++);
  const simulated = async (model: NetworkModel, seed: number, eQueue: string[] | undefined, name: string) => {
    if (replications === 0) return undefined;
    const phase = `simulation of ${name}`;
    const start = unitsDone;
    report(phase, start);
    const series = await simulateSeries(
      model,
      o,
      date,
      seed,
      eQueue,
      (done, of) => ctx.onProgress?.({ phase, done: start + Math.round((replications * done) / of), total }),
      runner,
      ctx.signal,
    );
    unitsDone = start + replications;
    return series;
  };
  const baseSim = await simulated(base, o.seed, undefined, o.base_name);
  const baseOut = await deterministic(base, date, o, (p) => step(`${p} of ${o.base_name}`));
  const names = new Map<string, string>();
  for (const m of [base, ...variants.map((v) => v.model)])
    for (const c of m.crossings) names.set(c.id, c.name ?? c.id);
  const scenarios: CompareResultJson['scenarios'] = [];
  for (const [k, v] of variants.entries()) {
    const seed = o.independent_seeds ? independentSeed(o.seed, k) : o.seed;
    const sim = await simulated(v.model, seed, eQueueOf(k), v.name);
    const out = await deterministic(v.model, date, o, (p) => step(`${p} of ${v.name}`));
    scenarios.push({
      name: v.name,
      title: v.title,
      description: v.description,
      seed,
      changed: v.changed,
      ...(sim ? { simulation: sim.summary, wait_quantiles_h: quantilesOf(sim) } : {}),
      ...out,
      crossings: baseSim && sim ? crossingDifferences(baseSim, sim, names) : {},
      transit_h: baseSim && sim ? transitDifferences(baseSim, sim) : {},
      route_differences: routeDifferences(baseOut.routes, out.routes),
      corridor_differences: corridorDifferences(baseOut.assignment, out.assignment),
      outlook_differences: outlookDifferences(baseOut.outlook, out.outlook),
    });
  }
  const summary = baseSim?.summary;
  return {
    method: {
      date,
      days: summary?.days ?? o.days,
      warmup_days: summary?.warmup_days ?? o.warmup_days ?? Math.min(14, o.days / 2),
      replications: o.replications,
      seed: o.seed,
      common_random_numbers: !o.independent_seeds,
      to_year: o.to_year,
      analyses: o.analyses,
    },
    base: {
      name: o.base_name,
      ...(baseSim ? { simulation: baseSim.summary, wait_quantiles_h: quantilesOf(baseSim) } : {}),
      ...baseOut,
    },
    scenarios,
  };
}

export const compareUseCase: UseCase<typeof CompareOptions, typeof CompareResult> = {
  name: 'compare',
  summary:
    'compare the base with scenarios: simulation with common random numbers, routes, assignment and outlook, differences with 95 % intervals',
  options: CompareOptions,
  result: CompareResult,
  // Each variant's simulation is checked against the limits before any runs.
  check: (model, o) =>
    issuesOf(() =>
      checkSimulateOptions(model, {
        days: o.days,
        warmupDays: o.warmup_days,
        replications: o.replications,
        paths: { days: 'days', warmupDays: 'warmup_days', replications: 'replications' },
      }),
    ),
  run: (model, options, ctx) => runCompare(model, options, ctx, ctx.runner),
};
