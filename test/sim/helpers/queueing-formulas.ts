/** Closed-form queueing results used as independent truth for the simulator's tests. */

/** Erlang C: probability that an arrival to an M/M/c queue has to wait. */
export function erlangC(servers: number, lambda: number, mu: number): number {
  const a = lambda / mu;
  const rho = a / servers;
  if (rho >= 1) return 1;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < servers; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / servers / (1 - rho);
  return last / (sum + last);
}

/** Mean wait in queue of M/M/c. */
export function mmcMeanWait(servers: number, lambda: number, mu: number): number {
  return erlangC(servers, lambda, mu) / (servers * mu - lambda);
}

/** Pollaczek–Khinchine mean wait in queue of M/G/1, from the service's mean and second moment. */
export function pollaczekKhinchineWait(
  lambda: number,
  serviceMean: number,
  serviceSecondMoment: number,
): number {
  const rho = lambda * serviceMean;
  return (lambda * serviceSecondMoment) / (2 * (1 - rho));
}

/**
 * Cobham's mean wait per class in a non-preemptive priority M/G/1 queue (classes in priority order).
 * W_k = W0 / ((1 − σ_{k−1})(1 − σ_k)) with W0 = Σ λ_i E[S_i²] / 2 and σ_k = Σ_{i≤k} ρ_i.
 */
export function cobhamWaits(
  classes: readonly { lambda: number; mean: number; secondMoment: number }[],
): number[] {
  const w0 = classes.reduce((s, c) => s + (c.lambda * c.secondMoment) / 2, 0);
  let sigma = 0;
  return classes.map((c) => {
    const before = sigma;
    sigma += c.lambda * c.mean;
    return w0 / ((1 - before) * (1 - sigma));
  });
}

/**
 * The stationary distribution of a birth–death chain on 0 … N (truncated where the mass is negligible):
 * π(n) ∝ Π_{k<n} birth(k) / death(k + 1), normalised.
 */
export function birthDeathStationary(
  birth: (n: number) => number,
  death: (n: number) => number,
  N: number,
): number[] {
  const weights = [1];
  for (let n = 1; n <= N; n++) weights.push((weights[n - 1]! * birth(n - 1)) / death(n));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}
