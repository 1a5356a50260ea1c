/**
 * The mean of the all-time maximum of a random walk with Gaussian steps of mean −δ < 0 and variance
 * σ²: the stationary backlog a queue carries from one period (a day of opening hours) to the next,
 * by Lindley's recursion X' = max(0, X + net input of the period), whose stationary law is that of
 * the walk's maximum. Spitzer's identity gives its mean, E[M] = Σₙ E[Sₙ⁺]/n, each term in closed form
 * for Gaussian steps; when many terms count (δ small against σ) Siegmund's corrected diffusion
 * expansion σ²/(2δ) − 0.5826 σ + δ/4 is used instead (Chang and Peres 1997; its next term is
 * O(δ³/σ²)).
 */

/** Standard normal density. */
function phi(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Upper tail of the standard normal, 1 − Φ(x) (erfc by Chebyshev fit, relative error < 1.2e-7). */
export function normalUpperTail(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r / 2 : 1 - r / 2;
}

/** Above this σ²/δ², the expansion replaces the sum (they then agree to 1e-4 σ). */
const SUM_LIMIT = 50;
/** Siegmund's constant, −ζ(1/2)/√(2π). */
const SIEGMUND = 0.5826;

/** E[max(0, S₁, S₂, …)] for Sₙ a sum of n Gaussian steps of mean −drift and variance `variance`; Infinity when drift ≤ 0. */
export function gaussianWalkMaximumMean(drift: number, variance: number): number {
  if (!(drift > 0)) return Number.POSITIVE_INFINITY;
  if (!(variance > 0)) return 0;
  const sigma = Math.sqrt(variance);
  const k = variance / (drift * drift);
  if (k > SUM_LIMIT) return variance / (2 * drift) - SIEGMUND * sigma + drift / 4;
  // Terms fall like exp(−n/(2k)): 60k + 10 of them leave less than 1e-12 of the sum.
  let sum = 0;
  const terms = Math.ceil(60 * k) + 10;
  for (let n = 1; n <= terms; n++) {
    const root = Math.sqrt(n);
    const x = (drift * root) / sigma;
    sum += (sigma * root * phi(x)) / n - drift * normalUpperTail(x);
  }
  return sum;
}
