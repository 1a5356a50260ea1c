/**
 * A corridor label a forwarder recognises, such as "Northern via Dostyk and Brest", derived from
 * what a route passes: mostly at sea → "Sea" (via the places it calls at or rounds, such as Port Said
 * for Suez); through Russia →
 * "Northern"; across water by ferry or short-sea service (the Caspian, the Black Sea) → "Middle
 * Corridor"; through Iran → "Southern"; else "Overland". The
 * places named are where the route enters its first transit country, the ferries it boards and where
 * it leaves its last transit country. Presentation only: the searches never read labels.
 */
import { ArcKind, arcModeName, type CompiledNetwork } from '../network/compile.js';

/** Labelling rules, in order: the first that matches names the corridor. */
export const CORRIDOR_RULES = {
  seaMode: 'sea',
  seaShare: 0.5,
  northernCountry: 'RU',
  ferryMode: 'ferry',
  southernCountry: 'IR',
} as const;

/** A place name without qualifiers: "Dostyk station (KZ)" → "Dostyk". */
export function shortPlaceName(name: string): string {
  return name
    .replace(/\s*[([].*$/, '')
    .replace(/\s+(station|port|terminal|border|checkpoint|bcp|yard|hub)$/i, '')
    .trim();
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The corridor label of a route given as arcs of the compiled network. */
export function corridorLabel(net: CompiledNetwork, arcs: readonly number[]): string {
  if (arcs.length === 0) return 'Same place';
  const nodes = net.model.nodes;
  const name = (v: number) => shortPlaceName(nodes[v]!.name);
  let total = 0;
  let sea = 0;
  let ferry = false;
  const seaArcs: number[] = [];
  const countries = new Set<string>();
  for (const a of arcs) {
    const km = net.arcDistanceKm[a]!;
    const mode = arcModeName(net, a);
    total += km;
    countries.add(nodes[net.arcFrom[a]!]!.country).add(nodes[net.arcTo[a]!]!.country);
    if (mode === CORRIDOR_RULES.ferryMode) ferry = true;
    if (mode === CORRIDOR_RULES.seaMode) {
      ferry = true;
      sea += km;
      seaArcs.push(a);
    }
  }
  if (total > 0 && sea / total > CORRIDOR_RULES.seaShare) {
    // Where the ship calls or turns between loading and discharge: Port Said (Suez), the Cape.
    const waypoints = seaArcs.slice(0, -1).map((a) => name(net.arcTo[a]!));
    const from = name(net.arcFrom[seaArcs[0]!]!);
    const to = name(net.arcTo[seaArcs[seaArcs.length - 1]!]!);
    return waypoints.length > 0 ? `Sea via ${listNames([...new Set(waypoints)])}` : `Sea ${from}–${to}`;
  }
  const corridor = countries.has(CORRIDOR_RULES.northernCountry)
    ? 'Northern'
    : ferry
      ? 'Middle Corridor'
      : countries.has(CORRIDOR_RULES.southernCountry)
        ? 'Southern'
        : 'Overland';
  const points: string[] = [];
  const crossings = arcs.filter((a) => net.arcKind[a] === ArcKind.crossing);
  const first = crossings[0];
  const last = crossings[crossings.length - 1];
  if (first !== undefined) points.push(name(net.arcTo[first]!));
  for (const a of arcs) {
    const mode = arcModeName(net, a);
    if (mode === CORRIDOR_RULES.ferryMode || mode === CORRIDOR_RULES.seaMode)
      points.push(name(net.arcFrom[a]!));
  }
  if (last !== undefined && last !== first) points.push(name(net.arcFrom[last]!));
  const unique = [...new Set(points)];
  return unique.length > 0 ? `${corridor} via ${listNames(unique)}` : corridor;
}
