/**
 * Origin–destination pairs on a routing graph, grouped by origin and allowed modes so that one
 * shortest-path search serves every destination of a group.
 */

export interface OdPair {
  /** Graph nodes; -1 when the place is out of service. */
  readonly origin: number;
  readonly destination: number;
  /** Tonnes per year. */
  readonly demand: number;
  /** Bit mask of the modes the cargo may use. */
  readonly modeMask: number;
  /** What a tonne left unserved costs, USD; undefined: the pair must be served whenever it has a path. */
  readonly unservedCostUsdPerT?: number | undefined;
  /** Half-width of the spread of its tonnes' values around that cost, USD (unserved-cost.ts; default 0). */
  readonly unservedHalfWidthUsdPerT?: number | undefined;
  /** Cost of its cheapest path with no load on the network, USD per tonne; Infinity when it has none. */
  readonly freeCostUsdPerT?: number | undefined;
}

export interface OdGroup {
  readonly origin: number;
  readonly modeMask: number;
  /** Indices of the group's pairs. */
  readonly ods: Uint32Array;
  /** Their destinations. */
  readonly targets: Uint32Array;
}

/** Groups pairs with demand by (origin, modes); pairs with a closed end or no demand are left out. */
export function groupOdPairs(ods: readonly OdPair[]): OdGroup[] {
  const groups = new Map<string, number[]>();
  ods.forEach((od, i) => {
    if (od.origin < 0 || od.destination < 0 || !(od.demand > 0)) return;
    const key = `${od.origin}:${od.modeMask}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  return [...groups.values()].map((list) => ({
    origin: ods[list[0]!]!.origin,
    modeMask: ods[list[0]!]!.modeMask,
    ods: Uint32Array.from(list),
    targets: Uint32Array.from(list, (i) => ods[i]!.destination),
  }));
}
