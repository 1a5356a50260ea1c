/**
 * The mean of the all-time maximum of a random walk with Gaussian steps of mean −δ < 0 and variance
 * σ²: the stationary backlog a queue carries from one period (a day of opening hours) to the next,
 * by Lindley's recursion X' = max(0, X + net input of the period), whose stationary law is that of
 * the walk's maximum. Spitzer's identity gives its mean, E[M] = Σₙ E[Sₙ⁺]/n, each term in closed form
 * for Gaussian steps. When many terms count (β = δ/σ ≤ 1) the sum is replaced by its expansion in β
 * (Chang and Peres 1997, Ladder heights, Gaussian random walks and the Riemann zeta function):
 * E[M]/σ = 1/(2β) + ζ(1/2)/√(2π) + β/4 + β²/√(2π) Σᵣ ζ(−1/2 − r)/(r!(2r + 1)(2r + 2)) (−β²/2)ʳ,
 * which converges for β < 2√π; seven terms agree with the sum to 1e-8 at β = 1.
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

/** ζ(1/2) and ζ(−1/2 − r), r = 0…6 (mpmath). */
const ZETA_HALF = -1.4603545088095868;
const ZETA_NEGATIVE = [
  -0.20788622497735457, -0.025485201889833036, 0.008516928777850331, 0.0044410113354794323,
  -0.0030916692472158338, -0.0026714580198992244, 0.0027467679395368687,
];
const ROOT_2PI = Math.sqrt(2 * Math.PI);

/** E[max(0, S₁, S₂, …)] for Sₙ a sum of n Gaussian steps of mean −drift and variance `variance`; Infinity when drift ≤ 0. */
export function gaussianWalkMaximumMean(drift: number, variance: number): number {
  if (!(drift > 0)) return Number.POSITIVE_INFINITY;
  if (!(variance > 0)) return 0;
  const sigma = Math.sqrt(variance);
  const beta = drift / sigma;
  if (beta <= 1) {
    let series = 0;
    let factorial = 1;
    let power = 1;
    for (let r = 0; r < ZETA_NEGATIVE.length; r++) {
      if (r > 0) {
        factorial *= r;
        power *= (-beta * beta) / 2;
      }
      series += (ZETA_NEGATIVE[r]! * power) / (factorial * (2 * r + 1) * (2 * r + 2));
    }
    return sigma * (1 / (2 * beta) + ZETA_HALF / ROOT_2PI + beta / 4 + ((beta * beta) / ROOT_2PI) * series);
  }
  // Terms fall like exp(−nβ²/2): 60/β² + 10 of them leave less than 1e-12 of the sum.
  let sum = 0;
  const terms = Math.ceil(60 / (beta * beta)) + 10;
  for (let n = 1; n <= terms; n++) {
    const root = Math.sqrt(n);
    const x = beta * root;
    sum += (sigma * root * phi(x)) / n - drift * normalUpperTail(x);
  }
  return sum;
}
