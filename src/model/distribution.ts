/**
 * Probability distributions of durations, written the way people write them:
 * `exp(mean=6h)`, `lognormal(mean=6h, sd=2h)`, `gamma(mean=3h, sd=1h)`, `tri(1h, 2h, 6h)`,
 * `uniform(1h, 3h)`, `const(2h)` (or just `2h`), `empirical(1h, 2h, 8h)` or `empirical(1h: 0.7, 8h: 0.3)`.
 * All parameters are held in hours. Sampling lives in the simulator; this module is the value.
 */
import { parseDuration } from './duration.js';

export type Distribution =
  | { readonly kind: 'const'; readonly value_h: number }
  | { readonly kind: 'exp'; readonly mean_h: number }
  | { readonly kind: 'lognormal'; readonly mean_h: number; readonly sd_h: number }
  | { readonly kind: 'gamma'; readonly mean_h: number; readonly sd_h: number }
  | { readonly kind: 'tri'; readonly min_h: number; readonly mode_h: number; readonly max_h: number }
  | { readonly kind: 'uniform'; readonly min_h: number; readonly max_h: number }
  | { readonly kind: 'empirical'; readonly values_h: readonly number[]; readonly weights: readonly number[] };

export type DistributionKind = Distribution['kind'];

/** Parameter names of each family, in positional order. */
const PARAMS: Readonly<Record<Exclude<DistributionKind, 'empirical'>, readonly string[]>> = {
  const: ['value'],
  exp: ['mean'],
  lognormal: ['mean', 'sd'],
  gamma: ['mean', 'sd'],
  tri: ['min', 'mode', 'max'],
  uniform: ['min', 'max'],
};

const ALIASES: Readonly<Record<string, DistributionKind>> = {
  const: 'const',
  constant: 'const',
  det: 'const',
  exp: 'exp',
  exponential: 'exp',
  lognormal: 'lognormal',
  lognorm: 'lognormal',
  gamma: 'gamma',
  tri: 'tri',
  triangular: 'tri',
  uniform: 'uniform',
  unif: 'uniform',
  empirical: 'empirical',
};

const PARAM_ALIASES: Readonly<Record<string, string>> = {
  a: 'min',
  b: 'max',
  c: 'mode',
  low: 'min',
  high: 'max',
};

export const DISTRIBUTION_FORMS =
  'exp(mean=6h), lognormal(mean=6h, sd=2h), gamma(mean=6h, sd=2h), tri(min, mode, max), uniform(min, max), const(2h), empirical(1h, 2h, …)';

type Parsed = { readonly dist: Distribution } | { readonly error: string };

/**
 * Texts parsed so far and what they gave: a network writes the same few distributions many times (the
 * default one 459 times, 165 different), and validation, the plausibility checks and compiling each
 * read them. Results are values, never changed; the memo is bounded.
 */
const parsed = new Map<string, Parsed>();
const MEMO_SIZE = 10_000;

/** Parses a distribution written as text; returns an error message (never throws) on bad input. */
export function parseDistribution(text: string): Parsed {
  let result = parsed.get(text);
  if (result === undefined) {
    result = parseText(text);
    if (parsed.size < MEMO_SIZE) parsed.set(text, result);
  }
  return result;
}

function parseText(text: string): Parsed {
  const src = text.trim();
  const call = /^([a-z_]+)\s*\((.*)\)$/is.exec(src);
  if (!call) {
    if (/^[a-z_]+\s*\([^)]*$/i.test(src)) {
      return {
        error: `"${src}" is cut short at a comma: inside { … } YAML splits at commas, so put the distribution in quotes, e.g. time: "tri(10min, 20min, 1h)"`,
      };
    }
    const d = parseDuration(src);
    if ('hours' in d) return check({ kind: 'const', value_h: d.hours }, src);
    return { error: `"${src}" is neither a duration nor a distribution: write one of ${DISTRIBUTION_FORMS}` };
  }
  const name = call[1]!.toLowerCase();
  const kind = ALIASES[name];
  if (!kind) {
    return {
      error: `unknown distribution "${call[1]}": use one of exp, lognormal, gamma, tri, uniform, const, empirical`,
    };
  }
  const args = splitArgs(call[2]!);
  if (kind === 'empirical') return parseEmpirical(args, src);

  const names = PARAMS[kind];
  const values = new Map<string, number>();
  for (const [i, arg] of args.entries()) {
    const eq = arg.indexOf('=');
    let key: string;
    let raw: string;
    if (eq >= 0) {
      const given = arg.slice(0, eq).trim().toLowerCase();
      key = PARAM_ALIASES[given] ?? given;
      raw = arg.slice(eq + 1).trim();
      if (!names.includes(key)) {
        return { error: `${kind}() has no parameter "${given}": its parameters are ${names.join(', ')}` };
      }
    } else {
      const positional = names[i];
      if (positional === undefined) {
        return {
          error: `${kind}() takes ${names.length} parameter(s) (${names.join(', ')}), got ${args.length}`,
        };
      }
      key = positional;
      raw = arg;
    }
    const d = parseDuration(raw);
    if ('error' in d) return { error: `${kind}(${key}): ${d.error}` };
    values.set(key, d.hours);
  }
  const missing = names.filter((n) => !values.has(n));
  if (missing.length > 0) {
    return { error: `${kind}() is missing ${missing.join(', ')}: write it as ${example(kind)}` };
  }
  const v = (k: string) => values.get(k)!;
  switch (kind) {
    case 'const':
      return check({ kind, value_h: v('value') }, src);
    case 'exp':
      return check({ kind, mean_h: v('mean') }, src);
    case 'lognormal':
    case 'gamma':
      return check({ kind, mean_h: v('mean'), sd_h: v('sd') }, src);
    case 'tri':
      return check({ kind, min_h: v('min'), mode_h: v('mode'), max_h: v('max') }, src);
    case 'uniform':
      return check({ kind, min_h: v('min'), max_h: v('max') }, src);
  }
}

function example(kind: DistributionKind): string {
  return DISTRIBUTION_FORMS.split(', ').find((f) => f.startsWith(kind)) ?? DISTRIBUTION_FORMS;
}

function splitArgs(body: string): string[] {
  const trimmed = body.trim();
  return trimmed === '' ? [] : trimmed.split(',').map((s) => s.trim());
}

function parseEmpirical(args: string[], src: string): Parsed {
  if (args.length === 0) return { error: 'empirical() needs at least one value, e.g. empirical(1h, 2h, 8h)' };
  const values: number[] = [];
  const weights: number[] = [];
  for (const arg of args) {
    const colon = arg.indexOf(':');
    const rawValue = colon >= 0 ? arg.slice(0, colon) : arg;
    const d = parseDuration(rawValue.trim());
    if ('error' in d) return { error: `empirical(): ${d.error}` };
    const w = colon >= 0 ? Number(arg.slice(colon + 1).trim()) : 1;
    if (!Number.isFinite(w) || w <= 0) {
      return { error: `empirical(): weight "${arg.slice(colon + 1).trim()}" must be a positive number` };
    }
    values.push(d.hours);
    weights.push(w);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  return check({ kind: 'empirical', values_h: values, weights: weights.map((w) => w / total) }, src);
}

/** Checks the meaning of the parameters: no negative times, ordered bounds, positive means. */
function check(dist: Distribution, src: string): Parsed {
  const bad = (why: string): Parsed => ({ error: `"${src}": ${why}` });
  switch (dist.kind) {
    case 'const':
      return dist.value_h < 0 ? bad('a duration cannot be negative') : { dist };
    case 'exp':
      return dist.mean_h <= 0 ? bad('the mean must be positive') : { dist };
    case 'lognormal':
    case 'gamma':
      if (dist.mean_h <= 0) return bad('the mean must be positive');
      if (dist.sd_h < 0) return bad('the standard deviation cannot be negative');
      return { dist };
    case 'tri':
      if (dist.min_h < 0) return bad('the minimum cannot be negative');
      if (!(dist.min_h <= dist.mode_h && dist.mode_h <= dist.max_h)) return bad('needs min ≤ mode ≤ max');
      if (dist.min_h === dist.max_h) return bad('min and max are equal: use const() instead');
      return { dist };
    case 'uniform':
      if (dist.min_h < 0) return bad('the minimum cannot be negative');
      if (!(dist.min_h < dist.max_h)) return bad('needs min < max');
      return { dist };
    case 'empirical':
      return dist.values_h.some((x) => x < 0) ? bad('a duration cannot be negative') : { dist };
  }
}

/** Mean of a distribution, in hours. */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'const':
      return d.value_h;
    case 'exp':
    case 'lognormal':
    case 'gamma':
      return d.mean_h;
    case 'tri':
      return (d.min_h + d.mode_h + d.max_h) / 3;
    case 'uniform':
      return (d.min_h + d.max_h) / 2;
    case 'empirical':
      return d.values_h.reduce((s, x, i) => s + x * d.weights[i]!, 0);
  }
}

/** Variance of a distribution, in hours squared. */
export function distributionVariance(d: Distribution): number {
  switch (d.kind) {
    case 'const':
      return 0;
    case 'exp':
      return d.mean_h * d.mean_h;
    case 'lognormal':
    case 'gamma':
      return d.sd_h * d.sd_h;
    case 'tri': {
      const { min_h: a, mode_h: c, max_h: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'uniform':
      return (d.max_h - d.min_h) ** 2 / 12;
    case 'empirical': {
      const m = distributionMean(d);
      return d.values_h.reduce((s, x, i) => s + d.weights[i]! * (x - m) ** 2, 0);
    }
  }
}

/** A distribution scaled in time by a factor (e.g. a link's time per km times its length). */
export function scaleDistribution(d: Distribution, factor: number): Distribution {
  switch (d.kind) {
    case 'const':
      return { kind: d.kind, value_h: d.value_h * factor };
    case 'exp':
      return { kind: d.kind, mean_h: d.mean_h * factor };
    case 'lognormal':
    case 'gamma':
      return { kind: d.kind, mean_h: d.mean_h * factor, sd_h: d.sd_h * factor };
    case 'tri':
      return { kind: d.kind, min_h: d.min_h * factor, mode_h: d.mode_h * factor, max_h: d.max_h * factor };
    case 'uniform':
      return { kind: d.kind, min_h: d.min_h * factor, max_h: d.max_h * factor };
    case 'empirical':
      return { kind: d.kind, values_h: d.values_h.map((x) => x * factor), weights: d.weights };
  }
}
