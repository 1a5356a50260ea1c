/**
 * Erlang's formulas for the M/M/c queue: the probability that an arrival must wait (Erlang C) and
 * the mean wait in queue. Computed by the numerically stable Erlang B recursion.
 */

/** Erlang B: blocking probability of c servers offered `a` erlangs (a = λ/μ). */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability that an arrival waits, for c servers offered a < c erlangs; 1 when a ≥ c. */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** Mean wait in queue of M/M/c with arrival rate λ and service rate μ per server (same time unit); Infinity when λ ≥ cμ. */
export function mmcWait(c: number, lambda: number, mu: number): number {
  if (lambda >= c * mu) return Number.POSITIVE_INFINITY;
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}
