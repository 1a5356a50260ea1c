/** The route-planning test fixture (test/fixtures/route-corridors.yaml), compiled, and brute force on it. */
import { join } from 'node:path';
import { readNetworkFile } from '../../src/io/network-file.js';
import { type CompiledNetwork, compileNetwork } from '../../src/network/compile.js';
import { ROOT } from '../helpers.js';

export const CORRIDORS = join(ROOT, 'test', 'fixtures', 'route-corridors.yaml');

let cached: CompiledNetwork | undefined;

export function corridors(): CompiledNetwork {
  cached ??= compileNetwork(readNetworkFile(CORRIDORS).model);
  return cached;
}

/**
 * Every route from s to t over allowed arcs that never repeats a (node, arriving mode) state and
 * changes mode only where `canTransfer` allows, as arc lists: the brute-force truth for searches.
 */
export function allRoutes(
  net: CompiledNetwork,
  s: number,
  t: number,
  allowed: Uint8Array,
  canTransfer: Uint8Array,
  maxTransfers = Number.POSITIVE_INFINITY,
): number[][] {
  const out: number[][] = [];
  const seen = new Set<string>([`${s}|-1`]);
  const arcs: number[] = [];
  const rec = (v: number, mode: number, transfers: number) => {
    if (v === t) {
      out.push([...arcs]);
      return;
    }
    for (let a = 0; a < net.arcCount; a++) {
      if (net.arcFrom[a] !== v || !allowed[a]) continue;
      const m = net.arcMode[a]!;
      const change = mode >= 0 && m !== mode;
      if (change && !canTransfer[v]) continue;
      const nt = transfers + (change ? 1 : 0);
      if (nt > maxTransfers) continue;
      const w = net.arcTo[a]!;
      const key = `${w}|${m}`;
      if (seen.has(key) || w === s) continue;
      seen.add(key);
      arcs.push(a);
      rec(w, m, nt);
      arcs.pop();
      seen.delete(key);
    }
  };
  rec(s, -1, 0);
  return out;
}
