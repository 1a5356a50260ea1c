/**
 * The options and result of an equilibrium, shared by the Frank–Wolfe solver (equilibrium.ts) and the
 * path-based one under capacities (path-equilibrium.ts) without an import cycle between them.
 */

export type DirectionRule = 'frank-wolfe' | 'conjugate' | 'biconjugate';

export interface EquilibriumOptions {
  /** Stop at this relative gap (default 1e-4). */
  readonly maxGap?: number | undefined;
  /** Stop after this many iterations even if the gap is larger (default 5000). */
  readonly maxIterations?: number | undefined;
  /** How the search direction is chosen (default biconjugate). */
  readonly direction?: DirectionRule | undefined;
  readonly onIteration?: ((iteration: number, gap: number) => void) | undefined;
}

export interface PathFlow {
  readonly od: number;
  readonly arcs: Uint32Array;
  /** Tonnes per year. */
  readonly flow: number;
}

export interface EquilibriumResult {
  readonly arcFlow: Float64Array;
  /** Generalized cost per tonne of each arc at the solution, USD. */
  readonly arcCost: Float64Array;
  readonly resourceLoad: Float64Array;
  /** Cost of each pair's cheapest path at the solution; Infinity when it has none. */
  readonly odCost: Float64Array;
  /** Demand of each pair that has no path, tonnes per year. */
  readonly odUnserved: Float64Array;
  readonly paths: readonly PathFlow[];
  /** Relative gap: (Σ cost × flow − Σ demand × cheapest cost) ÷ Σ cost × flow. */
  readonly gap: number;
  readonly iterations: number;
  readonly converged: boolean;
}
