/**
 * Freight demand as an origin–destination matrix in tonnes per year by cargo type. The network's
 * `demand` is converted once, by the compiled network's rule (network/compile-demand.ts); this only
 * names the flows and keeps what an assignment needs.
 */
import type { Mode, NetworkModel } from '../model/schema.js';
import type { CompiledNetwork } from '../network/compile.js';
import { type CompiledDemand, compileDemand } from '../network/compile-demand.js';

export { DEFAULT_CARGO, UniqueIds } from '../network/compile-demand.js';

/** One origin–destination flow to assign. */
export interface OdDemand {
  readonly id: string;
  /** Node ids. */
  readonly from: string;
  readonly to: string;
  readonly cargo: string;
  readonly tPerYear: number;
  /** Growth a year (0.05 = 5 %), when the input gives one. */
  readonly growthPerYear?: number | undefined;
  /** Modes the cargo may use; undefined for all. */
  readonly modes?: readonly Mode[] | undefined;
  /** What a tonne left unserved costs, USD (`unserved_cost_usd_per_t`); undefined: the assignment's default. */
  readonly unservedCostUsdPerT?: number | undefined;
}

/**
 * The model's demand as OD flows in tonnes per year, as compiled (`modes`, else `mode` alone, else
 * every mode). A flow without an `id` is named `<from>-><to>`, with `:<cargo>` when it names one.
 */
export function demandMatrix(model: NetworkModel): OdDemand[] {
  const nodeIndex = new Map(model.nodes.map((n, i) => [n.id, i]));
  return compileDemand(model, nodeIndex).map(odDemand);
}

/** The compiled network's demand as flows to assign (every entry whose quantity converts). */
export function networkDemand(net: CompiledNetwork): OdDemand[] {
  return net.demand.map(odDemand);
}

/** A compiled demand entry as a flow to assign: one conversion for every caller. */
function odDemand(d: CompiledDemand): OdDemand {
  return {
    id: d.id,
    from: d.from,
    to: d.to,
    cargo: d.cargo,
    tPerYear: d.tPerYear,
    growthPerYear: d.growthPerYear,
    modes: d.modes,
    unservedCostUsdPerT: d.unservedCostUsdPerT,
  };
}

/** Total tonnes per year of a demand list. */
export function totalDemand(demand: readonly OdDemand[]): number {
  return demand.reduce((s, d) => s + d.tPerYear, 0);
}
