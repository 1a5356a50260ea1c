/**
 * Whether a simulated queue settles: its growth over the observation window, measured per replication
 * (units joining minus units leaving, a day), is judged against its confidence interval and its size.
 */

/** Growth of at least half a unit a day and 1 % of the throughput counts; smaller is noise or drift. */
export function materialGrowth(growth_per_day: number, throughput_per_day: number | null): boolean {
  const g = Math.abs(growth_per_day);
  return g > 0.5 && g > 0.01 * (throughput_per_day ?? 0);
}

/** A material growth whose interval (when there is one) excludes 0. */
export function nonStationary(
  growth: number | null,
  ci95: readonly [number, number] | null,
  throughput_per_day: number | null,
): boolean {
  if (growth === null || !materialGrowth(growth, throughput_per_day)) return false;
  return ci95 === null || ci95[0] > 0 || ci95[1] < 0;
}
