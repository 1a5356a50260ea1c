/**
 * Monte Carlo simulation of a network's freight through crossings, ferries and transshipments:
 * `simulate(network, options)` takes the validated network and returns plain data.
 */
import { InputError, type Issue, issue } from '../model/issue.js';
import { checkSimulationLimits } from '../model/limits.js';
import type { NetworkModel } from '../model/schema.js';
import { crossingIndex } from '../network/lookup.js';
import type { AppointmentSettings } from './crossing-from-network.js';
import type { ReplicationResult } from './replication.js';
import { type ReplicationRunner, type ReplicationSet, runInThread } from './replication-set.js';
import { buildPlan, type SimulationPlan } from './simulation-plan.js';
import { ResultMerger, type SimulationResult } from './simulation-result.js';

export interface SimulateOptions {
  /** Length of the observation window, days from the start (default 60). */
  readonly days?: number | undefined;
  /** Days at the start not counted, while queues fill (default 14). */
  readonly warmupDays?: number | undefined;
  /** Longest the run goes on after the window for the consignments that set off in it to arrive (default 30). */
  readonly drainDays?: number | undefined;
  /** Independent replications (default 20). */
  readonly replications?: number | undefined;
  /** Seed of the random streams (default 1). */
  readonly seed?: number | undefined;
  /** Worker threads the runner may use (default: all it has); the figures do not depend on it. */
  readonly workers?: number | undefined;
  /** Where the replications run (default: this thread); `src/node/worker-pool.ts` gives a pool of threads. */
  readonly runner?: ReplicationRunner | undefined;
  /** Cancels the run: it rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Crossings to report (ids or names; default all that carry traffic). The whole network is simulated. */
  readonly crossings?: readonly string[] | undefined;
  /** Crossings (ids or names, or "all") with an appointment queue (e-queue); default none. */
  readonly appointments?: readonly string[] | undefined;
  /** Length of an e-queue slot, minutes (default 60). */
  readonly slotMinutes?: number | undefined;
  /** Slots offered per hour open, as a share of what the lanes (or the quota) clear in that hour (default 1). */
  readonly bookingShare?: number | undefined;
  /** A unit finding at least this many units waiting at a crossing diverts to another crossing of the same border and mode (default: never). */
  readonly divertQueue?: number | undefined;
  /** YYYY-MM-DD: routes use the infrastructure in service that day (default: all of it). */
  readonly date?: string | undefined;
  /** Called as replications finish. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Names of the options in error paths (default: the option names above; the CLI gives its flags). */
  readonly paths?: Partial<Record<OptionName, string>> | undefined;
}

type OptionName =
  | 'days'
  | 'warmupDays'
  | 'drainDays'
  | 'replications'
  | 'seed'
  | 'workers'
  | 'crossings'
  | 'appointments'
  | 'slotMinutes'
  | 'bookingShare'
  | 'divertQueue';

export const SIMULATE_DEFAULTS = {
  days: 60,
  warmupDays: 14,
  drainDays: 30,
  replications: 20,
  seed: 1,
  slotMinutes: 60,
  bookingShare: 1,
} as const;

interface Resolved {
  readonly days: number;
  readonly warmupDays: number;
  readonly drainDays: number;
  readonly replications: number;
  readonly seed: number;
  readonly workers: number | undefined;
  readonly crossings: number[] | undefined;
  readonly appointments: (AppointmentSettings | null)[];
  /** Slot length and share for the e-queues the network's drivers use. */
  readonly eQueue: AppointmentSettings;
  readonly divertQueue: number;
}

/** Checks the options against the network; every bad value is one issue at its option's path. */
export function resolveSimulateOptions(model: NetworkModel, options: SimulateOptions = {}): Resolved {
  const issues: Issue[] = [];
  const path = (name: OptionName) => options.paths?.[name] ?? name;
  const number = (
    name: OptionName,
    value: number | undefined,
    fallback: number,
    check: (x: number) => boolean,
    what: string,
  ): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !check(value)) {
      issues.push(issue('invalid_option', path(name), `"${value}" is not ${what}`));
      return fallback;
    }
    return value;
  };
  const days = number(
    'days',
    options.days,
    SIMULATE_DEFAULTS.days,
    (x) => x > 0 && x <= 3650,
    'a number of days in (0, 3650]',
  );
  const warmupDays = number(
    'warmupDays',
    options.warmupDays,
    Math.min(SIMULATE_DEFAULTS.warmupDays, days / 2),
    (x) => x >= 0 && x < days,
    `a number of days ≥ 0 and below --days (${days})`,
  );
  const drainDays = number(
    'drainDays',
    options.drainDays,
    SIMULATE_DEFAULTS.drainDays,
    (x) => x >= 0 && x <= 3650,
    'a number of days ≥ 0',
  );
  const replications = number(
    'replications',
    options.replications,
    SIMULATE_DEFAULTS.replications,
    (x) => Number.isInteger(x) && x >= 1 && x <= 100_000,
    'a whole number of replications ≥ 1',
  );
  const seed = number('seed', options.seed, SIMULATE_DEFAULTS.seed, Number.isSafeInteger, 'a whole number');
  const workers = number(
    'workers',
    options.workers,
    Number.NaN,
    (x) => Number.isInteger(x) && x >= 1 && x <= 1024,
    'a whole number of workers ≥ 1',
  );
  const slotMinutes = number(
    'slotMinutes',
    options.slotMinutes,
    SIMULATE_DEFAULTS.slotMinutes,
    (x) => x > 0 && x <= 10_080,
    'a slot length in minutes > 0',
  );
  const bookingShare = number(
    'bookingShare',
    options.bookingShare,
    SIMULATE_DEFAULTS.bookingShare,
    (x) => x > 0 && x <= 2,
    'a share of capacity in (0, 2]',
  );
  const divertQueue = number(
    'divertQueue',
    options.divertQueue,
    Number.POSITIVE_INFINITY,
    (x) => x >= 1,
    'a queue length ≥ 1',
  );

  const index = crossingIndex(model);
  const find = (name: OptionName, texts: readonly string[] | undefined): number[] | undefined => {
    if (texts === undefined) return undefined;
    const out: number[] = [];
    for (const text of texts) {
      if (name === 'appointments' && text.toLowerCase() === 'all') {
        out.push(...model.crossings.map((_, i) => i));
        continue;
      }
      try {
        const c = index.resolve(text, path(name));
        out.push(model.crossings.indexOf(c));
      } catch (e) {
        if (e instanceof InputError) issues.push(...e.issues);
        else throw e;
      }
    }
    return [...new Set(out)].sort((a, b) => a - b);
  };
  const crossings = find('crossings', options.crossings);
  const booked = new Set(find('appointments', options.appointments) ?? []);
  if (issues.length > 0) throw new InputError(issues);
  const settings: AppointmentSettings = { slot_h: slotMinutes / 60, share: bookingShare };
  return {
    days,
    warmupDays,
    drainDays,
    replications,
    seed,
    workers: Number.isNaN(workers) ? undefined : workers,
    crossings,
    appointments: model.crossings.map((_, i) => (booked.has(i) ? settings : null)),
    eQueue: settings,
    divertQueue,
  };
}

function planOf(model: NetworkModel, r: Resolved, date: string | undefined): SimulationPlan {
  return buildPlan(model, {
    warmup_h: r.warmupDays * 24,
    end_h: r.days * 24,
    drain_h: r.drainDays * 24,
    appointments: r.appointments,
    eQueue: r.eQueue,
    divertQueue: r.divertQueue,
    date,
  });
}

/**
 * Checks the options against the network and the size limits that need no plan (replications ×
 * days), cheaply enough to run before a job is accepted; the limits on consignments, which need the
 * demand's routes, are checked again at the start of the run.
 */
export function checkSimulateOptions(model: NetworkModel, options: SimulateOptions = {}): void {
  const r = resolveSimulateOptions(model, options);
  checkSimulationLimits({ end_h: r.days * 24, drain_h: r.drainDays * 24, demands: [] }, r.replications);
}

/** The plan a run with these options simulates (routes, rates), without running it. */
export function simulationPlan(model: NetworkModel, options: SimulateOptions = {}): SimulationPlan {
  return planOf(model, resolveSimulateOptions(model, options), options.date);
}

/** Whether the set holds replications 0 … replications − 1, each once. */
function completeSet(set: ReplicationSet, replications: number): boolean {
  return set.results.length === replications && set.results.every((x, i) => x.replication === i);
}

/**
 * The figures of a complete set of replications (0 … replications − 1), folded in replication order:
 * the same bytes however the set was put together.
 */
export function simulationResult(
  plan: SimulationPlan,
  set: ReplicationSet,
  options: { readonly replications: number; readonly crossings?: readonly number[] | undefined },
): SimulationResult {
  if (!completeSet(set, options.replications))
    throw new Error(`the set holds ${set.results.length} of replications 0 … ${options.replications - 1}`);
  const merger = new ResultMerger(plan);
  for (const result of set.results) merger.add(result);
  return merger.result({ seed: set.seed, crossings: options.crossings });
}

/** Simulates the network's demand over its routes and returns the merged figures. */
export async function simulate(
  model: NetworkModel,
  options: SimulateOptions = {},
): Promise<SimulationResult> {
  const r = resolveSimulateOptions(model, options);
  const plan = planOf(model, r, options.date);
  checkSimulationLimits(plan, r.replications);
  const run = options.runner ?? runInThread;
  const onProgress = options.onProgress;
  // Replications are folded in order as they come (while the workers run the later ones); a
  // runner that does not report them one by one leaves the whole set to fold at the end.
  const merger = new ResultMerger(plan);
  const early = new Map<number, ReplicationResult>();
  let folded = 0;
  const onResult = (result: ReplicationResult) => {
    if (result.replication < folded) return;
    early.set(result.replication, result);
    for (let next = early.get(folded); next !== undefined; next = early.get(folded)) {
      early.delete(folded);
      merger.add(next);
      folded++;
    }
  };
  const set = await run(plan, {
    seed: r.seed,
    replications: r.replications,
    workers: r.workers,
    signal: options.signal,
    onProgress: onProgress ? (p) => onProgress(p.done, p.total) : undefined,
    onResult,
  });
  if (folded !== r.replications || !completeSet(set, r.replications))
    return simulationResult(plan, set, { replications: r.replications, crossings: r.crossings });
  return merger.result({ seed: set.seed, crossings: r.crossings });
}
