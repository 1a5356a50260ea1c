/**
 * Paired differences across replications: replication r of the variant is run with the same seed
 * and replication number as replication r of the base (common random numbers), so the difference is
 * estimated replication by replication and its interval is Student's t over those differences.
 */
import { studentTQuantile } from '../sim/stats/student-t.js';

/** A quantity in the base and in a variant, its difference (variant − base) and that difference's 95 % CI. */
export interface Difference {
  /** Mean over the replications that observed it, in the base; null when none did. */
  readonly base: number | null;
  /** Mean over the replications that observed it, in the variant. */
  readonly scenario: number | null;
  /** Mean of the replication-by-replication differences (variant − base), over the replications where both observed it. */
  readonly difference: number | null;
  /** 95 % confidence interval of that mean difference (Student's t); null with fewer than two pairs. */
  readonly difference_ci95: [number, number] | null;
  /** Replications in which both observed it. */
  readonly pairs: number;
}

function meanOf(xs: readonly number[]): number | null {
  let n = 0;
  let sum = 0;
  for (const x of xs)
    if (Number.isFinite(x)) {
      n++;
      sum += x;
    }
  return n > 0 ? sum / n : null;
}

/**
 * The paired difference of per-replication values (NaN: not observed in that replication). A
 * variant equal to the base in every replication gives exactly 0 with the interval [0, 0].
 */
export function pairedDifference(base: readonly number[], scenario: readonly number[]): Difference {
  const d: number[] = [];
  const n = Math.min(base.length, scenario.length);
  for (let r = 0; r < n; r++) {
    const b = base[r]!;
    const s = scenario[r]!;
    if (Number.isFinite(b) && Number.isFinite(s)) d.push(s - b);
  }
  const ci = meanCi95(d);
  return {
    base: meanOf(base),
    scenario: meanOf(scenario),
    difference: ci ? ci.mean : null,
    difference_ci95: ci ? ci.ci95 : null,
    pairs: d.length,
  };
}

/** Mean and Student's-t 95 % interval of a sample; the interval is null with fewer than two values. */
export function meanCi95(xs: readonly number[]): { mean: number; ci95: [number, number] | null } | null {
  const n = xs.length;
  if (n === 0) return null;
  // Welford, so that equal values give a variance of exactly 0.
  let mean = 0;
  let m2 = 0;
  xs.forEach((x, i) => {
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  });
  if (n < 2) return { mean, ci95: null };
  const half = m2 > 0 ? studentTQuantile(0.975, n - 1) * Math.sqrt(m2 / (n - 1) / n) : 0;
  return { mean, ci95: [mean - half, mean + half] };
}

/** A deterministic difference (no replications): the interval is the point itself. */
export function exactDifference(base: number | null, scenario: number | null): Difference {
  const both = base !== null && scenario !== null;
  const difference = both ? scenario - base : null;
  return {
    base,
    scenario,
    difference,
    difference_ci95: null,
    pairs: both ? 1 : 0,
  };
}

/** Whether a difference is distinguishable from zero at 95 %: its interval excludes 0. */
export function significant(d: Difference): boolean {
  const ci = d.difference_ci95;
  return ci !== null && (ci[0] > 0 || ci[1] < 0);
}
