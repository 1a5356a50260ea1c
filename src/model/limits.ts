/**
 * Limits on what one request may ask of Caravan — input size, network size, simulation size, time —
 * so that a hostile or mistaken input ends in a clear issue before the work starts, not in an
 * out-of-memory crash an hour later. Each limit has a name, a default and a reason (docs/limits.md);
 * an adapter sets them once from its settings (CLI: `--limit name=value`; server: its settings file),
 * never from the request being checked.
 */
import { InputError, type Issue, issue } from './issue.js';
import { didYouMean } from './suggest.js';

export interface LimitSpec {
  readonly default: number;
  /** What the number counts, for messages: `bytes`, `nodes`, `seconds`, … */
  readonly unit: string;
  /** What the limit bounds, in a few words. */
  readonly what: string;
}

/**
 * The limits and their defaults. Defaults leave room for networks and runs many times the size of
 * the embedded Eurasia network (175 kB, 400 nodes) and of its default simulation (780,000
 * consignments, 20 replications of 90 days), while keeping a request to seconds or minutes and
 * well under 1 GB of memory.
 */
export const LIMITS = {
  file_bytes: {
    default: 4 * 1024 * 1024,
    unit: 'bytes',
    what: 'size of one input file or request body (network, scenario, demand CSV, waits JSON)',
  },
  nesting_depth: {
    default: 64,
    unit: 'levels',
    what: 'nesting depth of a YAML or JSON document (a network nests 5 levels)',
  },
  yaml_aliases: {
    default: 10_000,
    unit: 'values',
    what: 'values that YAML aliases (*name) add once expanded, counting aliases inside aliased values',
  },
  string_chars: {
    default: 100_000,
    unit: 'characters',
    what: 'length of one text value (a name, a description, a distribution)',
  },
  nodes: { default: 20_000, unit: 'nodes', what: 'nodes in a network' },
  links: { default: 100_000, unit: 'links', what: 'links in a network' },
  crossings: { default: 5_000, unit: 'crossings', what: 'border crossings in a network' },
  services: { default: 5_000, unit: 'services', what: 'services (ferries, shipping lines) in a network' },
  demands: {
    default: 20_000,
    unit: 'demands',
    what: 'origin–destination demand entries (in a network or a demand CSV)',
  },
  units_simulated: {
    default: 10_000_000,
    unit: 'consignments',
    what: 'consignments one simulation sets off: rate × days × replications, summed over the demand',
  },
  events_pending: {
    default: 2_000_000,
    unit: 'events',
    what: 'events pending at once in one replication, bounded by the consignments of a replication',
  },
  replication_days: {
    default: 100_000,
    unit: 'replication-days',
    what: 'replications × simulated days (window and drain) of one simulation',
  },
  outlook_years: { default: 100, unit: 'years', what: 'years in one outlook' },
  job_seconds: { default: 900, unit: 'seconds', what: 'wall-clock time of one command or job' },
  requests_per_minute: {
    default: 6_000,
    unit: 'requests',
    what: 'HTTP requests one client address may make in a minute (the server answers 429 beyond it)',
  },
} as const satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMITS;
export const LIMIT_NAMES = Object.keys(LIMITS) as LimitName[];
export type Limits = { readonly [K in LimitName]: number };

export const DEFAULT_LIMITS: Limits = Object.fromEntries(
  LIMIT_NAMES.map((n) => [n, LIMITS[n].default]),
) as unknown as Limits;

/**
 * How a person raises a limit where the request came from, given the value that would allow it
 * (`120000000`, `60MiB`): set by the adapter with {@link configureLimits}.
 */
export type RaiseHint = (name: LimitName, value: string) => string;

const libraryHint: RaiseHint = (name, value) =>
  `raise the limit with configureLimits({ values: { ${name}: ${value} } })`;

let configured: { values: Limits; raise: RaiseHint } = { values: DEFAULT_LIMITS, raise: libraryHint };

/**
 * Sets the limits of this process: the CLI calls it once from `--limit`, a server once from its
 * settings. Functions that check a limit take explicit limits first, these otherwise.
 */
export function configureLimits(settings: { values?: Partial<Limits>; raise?: RaiseHint }): void {
  configured = {
    values: { ...DEFAULT_LIMITS, ...settings.values },
    raise: settings.raise ?? configured.raise,
  };
}

/** The limits in force: explicit ones, else those configured for the process, else the defaults. */
export function currentLimits(explicit?: Partial<Limits>): Limits {
  return explicit ? { ...configured.values, ...explicit } : configured.values;
}

const SUFFIXES: Record<string, number> = {
  '': 1,
  k: 1e3,
  K: 1e3,
  kb: 1e3,
  KB: 1e3,
  m: 1e6,
  M: 1e6,
  MB: 1e6,
  g: 1e9,
  G: 1e9,
  GB: 1e9,
  Ki: 1024,
  KiB: 1024,
  Mi: 1024 ** 2,
  MiB: 1024 ** 2,
  Gi: 1024 ** 3,
  GiB: 1024 ** 3,
};

/**
 * Reads one limit value: a number (`10000`, `1e7`, `10_000`), with an optional multiplier (`16M`,
 * `4MiB`, `500k`), or `unlimited`. Returns undefined for text that is none of these.
 */
export function parseLimitValue(text: string): number | undefined {
  const t = text.trim();
  if (/^(unlimited|none|inf|infinity)$/i.test(t)) return Number.POSITIVE_INFINITY;
  const m = /^([0-9][0-9_]*(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?)\s*([a-zA-Z]*)$/i.exec(t);
  if (!m) return undefined;
  const factor = SUFFIXES[m[2]!];
  if (factor === undefined) return undefined;
  const x = Number(m[1]!.replaceAll('_', '')) * factor;
  return Number.isFinite(x) && x > 0 ? x : undefined;
}

/**
 * Limits from `name=value` settings (the CLI's repeatable `--limit`, a server's environment).
 * Every bad setting is an issue at `path`; unknown names get a suggestion.
 */
export function parseLimitSettings(settings: readonly string[], path = '--limit'): Partial<Limits> {
  const out: Partial<Record<LimitName, number>> = {};
  const issues: Issue[] = [];
  for (const s of settings) {
    const eq = s.indexOf('=');
    const name = (eq < 0 ? s : s.slice(0, eq)).trim().replaceAll('-', '_');
    if (!(LIMIT_NAMES as readonly string[]).includes(name)) {
      issues.push(
        issue(
          'invalid_option',
          path,
          `unknown limit "${shorten(name)}"${didYouMean(shorten(name), LIMIT_NAMES)}; limits are ${LIMIT_NAMES.join(', ')}`,
        ),
      );
      continue;
    }
    const value = eq < 0 ? undefined : parseLimitValue(s.slice(eq + 1));
    if (value === undefined) {
      issues.push(
        issue(
          'invalid_option',
          path,
          `"${shorten(s)}" does not set a limit: write ${name}=VALUE with a number > 0 (1000, 1e6, 16MB) or "unlimited"`,
        ),
      );
      continue;
    }
    out[name as LimitName] = value;
  }
  if (issues.length > 0) throw new InputError(issues);
  return out;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** An amount of a limit as a person reads it: 10,000,000 consignments; 4 MiB. */
export function formatAmount(name: LimitName, x: number): string {
  if (!Number.isFinite(x)) return 'unlimited';
  if (LIMITS[name].unit === 'bytes') return formatBytes(x);
  const unit = LIMITS[name].unit;
  return `${formatCount(x)} ${x === 1 ? unit.replace(/s$/, '') : unit}`;
}

/** The value to set to allow `asked`: rounded up to two significant digits (MiB for bytes). */
export function suggestedLimit(name: LimitName, asked: number): string {
  if (!Number.isFinite(asked)) return 'unlimited';
  if (LIMITS[name].unit === 'bytes') return `${Math.ceil(asked / 1024 ** 2)}MiB`;
  if (asked < 100) return String(Math.ceil(asked));
  const step = 10 ** (Math.floor(Math.log10(asked)) - 1);
  const x = Math.ceil(asked / step) * step;
  return x >= 1e15 ? x.toExponential(1) : String(x);
}

export function formatBytes(x: number): string {
  if (x < 1024) return `${x} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = x / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number(v.toPrecision(3))} ${units[u]}`;
}

/**
 * The issue for a request that asks more than a limit allows: what was asked, the limit's name and
 * value, what to change and how to raise the limit. Its path is `limits.<name>`.
 */
export function limitIssue(name: LimitName, asked: number, what: string, advice?: string): Issue {
  const { values, raise } = configured;
  const fix = [advice, raise(name, suggestedLimit(name, asked))].filter(Boolean).join(', or ');
  return issue(
    'limit_exceeded',
    `limits.${name}`,
    `${what}: ${formatAmount(name, asked)}, over the limit ${name} = ${formatAmount(name, values[name])}: ${fix}`,
  );
}

/** Throws an InputError when `asked` is over the limit; `what` says what was measured. */
export function checkLimit(
  name: LimitName,
  asked: number,
  what: string,
  options: { limits?: Partial<Limits> | undefined; advice?: string } = {},
): void {
  const limit = currentLimits(options.limits)[name];
  if (asked > limit) throw new InputError([limitIssue(name, asked, what, options.advice)]);
}

const LIST_LIMITS = {
  nodes: 'nodes',
  links: 'links',
  crossings: 'crossings',
  services: 'services',
  demand: 'demands',
} as const;

/**
 * Issues for a network (parsed data, before validation) with more entries in a list than its limit
 * allows: checked before the network is validated or compiled.
 */
export function networkSizeIssues(data: unknown, limits?: Partial<Limits>): Issue[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const values = currentLimits(limits);
  const issues: Issue[] = [];
  for (const [list, name] of Object.entries(LIST_LIMITS) as [keyof typeof LIST_LIMITS, LimitName][]) {
    const entries = (data as Record<string, unknown>)[list];
    if (Array.isArray(entries) && entries.length > values[name]) {
      issues.push({
        ...limitIssue(
          name,
          entries.length,
          `entries in the network's "${list}" list`,
          'split the network into smaller ones',
        ),
      });
    }
  }
  return issues;
}

/** What a simulation run asks, in the terms of the plan it runs: see {@link simulationSizeIssues}. */
export interface SimulationSize {
  /** End of the observation window, hours. */
  readonly end_h: number;
  /** Longest time after the window the run goes on, hours; consignments keep setting off until then. */
  readonly drain_h: number;
  /** Per simulated demand: consignments set off per hour. */
  readonly demands: readonly { readonly lotsPerHour: number }[];
}

/**
 * Checks a simulation against the limits before it runs: consignments in all (rate × days ×
 * replications), consignments of one replication (each holds at most one pending event — its
 * current leg — so they bound the events pending at once and the memory of a replication), and
 * replications × simulated days. Throws an InputError naming each limit exceeded.
 */
export function checkSimulationLimits(
  plan: SimulationSize,
  replications: number,
  limits?: Partial<Limits>,
): void {
  const values = currentLimits(limits);
  const perHour = plan.demands.reduce((s, d) => s + d.lotsPerHour, 0);
  // Consignments keep setting off during the drain, until the window's last ones arrive.
  const horizonDays = (plan.end_h + plan.drain_h) / 24;
  const perReplication = perHour * 24 * horizonDays;
  const total = perReplication * replications;
  const issues: Issue[] = [];
  // formatted only for a message: formatCount loads ICU's number data, a cost no run should pay
  const rate = () => `${formatCount(perHour * 24)} a day`;
  if (replications * horizonDays > values.replication_days) {
    issues.push(
      limitIssue(
        'replication_days',
        replications * horizonDays,
        `replications × days simulated (${formatCount(replications)} × ${formatCount(horizonDays)}, window and drain)`,
        'run fewer replications or fewer days',
      ),
    );
  }
  if (perReplication > values.events_pending) {
    issues.push(
      limitIssue(
        'events_pending',
        perReplication,
        `events pending at once in a replication, at most one per consignment it sets off (up to ${rate()} × ${formatCount(horizonDays)} days)`,
        'simulate fewer days or check the demand rates',
      ),
    );
  }
  if (total > values.units_simulated) {
    issues.push(
      limitIssue(
        'units_simulated',
        total,
        `consignments this run sets off (up to ${rate()} × ${formatCount(horizonDays)} days × ${formatCount(replications)} replications)`,
        'simulate fewer days or fewer replications, or check the demand rates',
      ),
    );
  }
  if (issues.length > 0) throw new InputError(issues);
}

/** The formatters of formatCount, made on first use (every command loads this module; few print a count). */
let formats: { whole: Intl.NumberFormat; three: Intl.NumberFormat; four: Intl.NumberFormat } | undefined;

/** 10,000,000; 1.25; 3.00e+21 for the absurdly large. */
export function formatCount(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e15) return x.toExponential(2);
  formats ??= {
    whole: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
    three: new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }),
    four: new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 }),
  };
  if (Number.isInteger(x)) return formats.whole.format(x);
  return (Math.abs(x) >= 1000 ? formats.four : formats.three).format(x);
}
