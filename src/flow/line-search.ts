/**
 * The exact line search of Frank–Wolfe: the step where the objective's derivative along the
 * direction, an increasing function, crosses zero.
 */
/**
 * The step τ ∈ [0, 1] where the derivative g of the objective along the direction vanishes (g is
 * increasing; g(0) = g0 < 0), by false position with the Illinois modification: as sure as bisection,
 * in a handful of evaluations for these smooth functions.
 */
export function lineSearch(g: (tau: number) => number, g0: number): number {
  let lo = 0;
  let glo = g0;
  if (!(glo < 0)) return 0;
  let hi = 1;
  let ghi = g(1);
  if (ghi <= 0) return 1;
  let side = 0;
  for (let i = 0; i < 100; i++) {
    const tau = (lo * ghi - hi * glo) / (ghi - glo);
    const gt = g(tau);
    if (Math.abs(gt) <= 1e-12 * -g0 || hi - lo <= 1e-15) return tau;
    if (gt > 0) {
      hi = tau;
      ghi = gt;
      if (side === 1) glo /= 2;
      side = 1;
    } else {
      lo = tau;
      glo = gt;
      if (side === -1) ghi /= 2;
      side = -1;
    }
  }
  return (lo + hi) / 2;
}
