/**
 * The step of a projected Newton method under lower bounds: the minimum of a quadratic model whose
 * Hessian is a sum of rank-one terms, one per resource that the moves load, by an active-set method
 * and an LDLᵀ solve. The path equilibrium (path-equilibrium.ts) takes one per Newton step.
 */

/** Share of the largest diagonal added to the Newton system's diagonal. */
const RIDGE = 1e-12;

/**
 * The Newton step d: the minimum of the quadratic model gᵀd + ½ dᵀHd, H = Σ_r slope_r a_r a_rᵀ over
 * the moves' loads a (per unit of each variable), subject to d ≥ lower (no option below zero), by a
 * primal active-set method: from d = 0, towards the model's minimum with the variables at their bounds
 * held, stopping at the first bound reached and holding it, releasing a held one whose bound the
 * model would leave. H carries a small share of its largest diagonal on its diagonal: where it is
 * singular (moves that load no resource with a slope, or two pairs' moves that load the same ones)
 * the model runs far along the free direction, until a bound.
 */
export function boundedNewtonStep(
  moves: readonly ReadonlyMap<number, number>[],
  slope: Float64Array,
  g: readonly number[],
  lower: readonly number[],
  flowScale: number,
): Float64Array {
  const n = moves.length;
  const H = new Float64Array(n * n);
  const byResource = new Map<number, [number, number][]>();
  moves.forEach((a, i) => {
    for (const [r, x] of a) {
      const list = byResource.get(r);
      if (list) list.push([i, x]);
      else byResource.set(r, [[i, x]]);
    }
  });
  for (const [r, list] of byResource)
    for (const [i, x] of list) for (const [j, y] of list) H[i * n + j]! += slope[r]! * x * y;
  // The ridge's scale: the largest diagonal, or (none with a slope) a cost difference per tonne of flow.
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, H[i * n + i]!, Math.abs(g[i]!) / flowScale);
  for (let i = 0; i < n; i++) H[i * n + i]! += RIDGE * largest;
  const d = new Float64Array(n);
  const held = new Uint8Array(n);
  for (let round = 0; round < 4 * n + 4; round++) {
    const free: number[] = [];
    for (let i = 0; i < n; i++) if (!held[i]) free.push(i);
    const rhs = free.map((i) => {
      let v = -g[i]!;
      for (let j = 0; j < n; j++) if (held[j]) v -= H[i * n + j]! * d[j]!;
      return v;
    });
    const target = solveSymmetric(H, n, free, rhs);
    let step = 1;
    let stop = -1;
    free.forEach((i, f) => {
      if (target[f]! < lower[i]! && d[i]! - lower[i]! < step * (d[i]! - target[f]!)) {
        step = (d[i]! - lower[i]!) / (d[i]! - target[f]!);
        stop = i;
      }
    });
    free.forEach((i, f) => {
      d[i]! += step * (target[f]! - d[i]!);
    });
    if (stop >= 0) {
      d[stop] = lower[stop]!;
      held[stop] = 1;
      continue;
    }
    // At the model's minimum with the held bounds: release the one whose bound the model pulls away from most.
    let release = -1;
    let pull = 0;
    for (let i = 0; i < n; i++) {
      if (!held[i]) continue;
      let gi = g[i]!;
      for (let j = 0; j < n; j++) gi += H[i * n + j]! * d[j]!;
      if (gi < pull) {
        pull = gi;
        release = i;
      }
    }
    if (release < 0) break;
    held[release] = 0;
  }
  return d;
}

/** x solving H[free, free] x = rhs, H symmetric positive definite (n × n, row-major), by LDLᵀ. */
function solveSymmetric(
  H: Float64Array,
  n: number,
  free: readonly number[],
  rhs: readonly number[],
): Float64Array {
  const m = free.length;
  const L = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j <= i; j++) L[i * m + j] = H[free[i]! * n + free[j]!]!;
  for (let j = 0; j < m; j++) {
    let dj = L[j * m + j]!;
    for (let k = 0; k < j; k++) dj -= L[j * m + k]! ** 2 * L[k * m + k]!;
    L[j * m + j] = dj;
    for (let i = j + 1; i < m; i++) {
      let s = L[i * m + j]!;
      for (let k = 0; k < j; k++) s -= L[i * m + k]! * L[j * m + k]! * L[k * m + k]!;
      L[i * m + j] = s / dj;
    }
  }
  const x = Float64Array.from(rhs);
  for (let i = 0; i < m; i++) for (let k = 0; k < i; k++) x[i]! -= L[i * m + k]! * x[k]!;
  for (let i = 0; i < m; i++) x[i]! /= L[i * m + i]!;
  for (let i = m - 1; i >= 0; i--) for (let k = i + 1; k < m; k++) x[i]! -= L[k * m + i]! * x[k]!;
  return x;
}
