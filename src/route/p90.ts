/**
 * Reliability of a door-to-door time: the 90th percentile of a lognormal distribution with the
 * route's mean and variance (legs taken as independent, so means and variances add).
 */

/** z such that Φ(z) = 0.9 for the standard normal distribution. */
export const Z90 = 1.2815515655446004;

/**
 * The p-quantile of the lognormal distribution with the given mean and variance (the mean itself
 * when the variance is 0). P90 grows with the mean, and with the variance while the coefficient of
 * variation stays below √(exp(z90²) − 1) ≈ 2.04, which any whole route does (they are near 0.1–0.3);
 * the Pareto search, which compares means and variances, relies on that.
 */
export function lognormalQuantile(mean: number, variance: number, z = Z90): number {
  if (!(mean > 0) || !(variance > 0)) return Math.max(mean, 0);
  const s2 = Math.log1p(variance / (mean * mean));
  const s = Math.sqrt(s2);
  return Math.exp(Math.log(mean) - s2 / 2 + z * s);
}

/** The 90th percentile of a duration with this mean and variance, by the lognormal fit. */
export function p90(meanH: number, varianceH2: number): number {
  return lognormalQuantile(meanH, varianceH2, Z90);
}

/**
 * The variance implied by a mean and a 90th percentile when nothing else is known (a simulation's
 * wait summary): the normal-equivalent spread ((P90 − mean) / z90)². Exact for a normal
 * distribution; for an exponential wait it gives 1.03 × the true variance.
 */
export function varianceFromP90(mean: number, p90Value: number): number {
  const sd = (p90Value - mean) / Z90;
  return sd > 0 ? sd * sd : 0;
}
