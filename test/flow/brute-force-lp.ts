/**
 * Independent truth for small linear programs: min cᵀx subject to A_eq x = b_eq, A_ub x ≤ b_ub,
 * x ≥ 0, by enumerating every vertex (every choice of active constraints) and keeping the best
 * feasible one.
 */

export interface SmallLp {
  readonly c: readonly number[];
  readonly aEq: readonly (readonly number[])[];
  readonly bEq: readonly number[];
  readonly aUb: readonly (readonly number[])[];
  readonly bUb: readonly number[];
}

export function bruteForceLp(lp: SmallLp): { value: number; x: number[] } | undefined {
  const n = lp.c.length;
  // Inequalities as rows g·x ≤ h: the ≤ rows, then −x_j ≤ 0.
  const ineq: { g: number[]; h: number }[] = [
    ...lp.aUb.map((row, i) => ({ g: [...row], h: lp.bUb[i]! })),
    ...lp.c.map((_, j) => ({ g: lp.c.map((__, k) => (k === j ? -1 : 0)), h: 0 })),
  ];
  const need = n - lp.aEq.length;
  let best: { value: number; x: number[] } | undefined;
  for (const subset of combinations(ineq.length, need)) {
    const rows = [...lp.aEq.map((r) => [...r]), ...subset.map((i) => ineq[i]!.g)];
    const rhs = [...lp.bEq, ...subset.map((i) => ineq[i]!.h)];
    const x = solve(rows, rhs);
    if (!x) continue;
    const ok =
      lp.aEq.every((r, i) => Math.abs(dot(r, x) - lp.bEq[i]!) <= 1e-7) &&
      ineq.every((q) => dot(q.g, x) <= q.h + 1e-7);
    if (!ok) continue;
    const value = dot(lp.c, x);
    if (!best || value < best.value - 1e-12) best = { value, x };
  }
  return best;
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, v, i) => s + v * b[i]!, 0);
}

function* combinations(m: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  if (k > m) return;
  for (;;) {
    yield [...idx];
    let i = k - 1;
    while (i >= 0 && idx[i] === m - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}

/** Gaussian elimination with partial pivoting; undefined when singular. */
function solve(a: number[][], b: number[]): number[] | undefined {
  const n = a.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-10) return undefined;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
