/**
 * A route told leg by leg: each link, crossing and service it uses, with a transshipment leg where
 * the mode changes, and the totals a forwarder quotes (expected and P90 time, money, CO2e, distance,
 * countries, borders). Plain data, ready for a table or JSON.
 */
import type { Mode } from '../model/schema.js';
import { ARC_KIND_NAMES, arcElementId, arcModeName, type CompiledNetwork } from '../network/compile.js';
import type { ArcCriteria } from './arc-criteria.js';
import { WAIT_SOURCE_NAMES, type WaitSourceName } from './arc-waits.js';
import { corridorLabel } from './corridor-label.js';
import { DEFAULT_EXPOSURE, type Exposure, exposureNames } from './exposure.js';
import { p90 } from './p90.js';

export type LegKind = 'link' | 'crossing' | 'service' | 'transshipment';

export interface RouteLeg {
  readonly from: string;
  readonly to: string;
  readonly mode: Mode;
  readonly kind: LegKind;
  /** Id of the link, crossing or service; the node's id for a transshipment. */
  readonly id: string;
  readonly name: string;
  readonly distance_km: number;
  /** Expected time of the leg, wait included, hours. */
  readonly time_h: number;
  /** Expected wait before the leg (queue at a crossing, next departure of a service), hours. */
  readonly wait_h: number;
  readonly wait_source: WaitSourceName;
  readonly time_var_h2: number;
  readonly cost_usd: number;
  readonly co2e_kg: number;
  /** For a transshipment: the mode the cargo arrives on. */
  readonly from_mode?: Mode;
}

export interface Route {
  readonly label: string;
  /** Node ids from origin to destination. */
  readonly nodes: string[];
  readonly legs: RouteLeg[];
  readonly distance_km: number;
  readonly time_h: { readonly expected: number; readonly p90: number; readonly sd: number };
  readonly cost_usd: number;
  readonly co2e_kg: number;
  /** Countries passed, in order. */
  readonly countries: string[];
  /** Border crossings passed. */
  readonly borders: number;
  readonly transshipments: number;
  /** Modes used, in order of first use. */
  readonly modes: Mode[];
  /** Exposure: the countries and modes of the exposure list that the route passes or uses. */
  readonly exposure: string[];
  /** The arcs of the compiled network (for the library; not printed). */
  readonly arcs: readonly number[];
}

export interface DescribeRouteOptions {
  /** The origin node, needed only for an empty route. */
  readonly origin?: number | undefined;
  readonly exposure?: Exposure | undefined;
}

/** The route along `arcs` (in order), with legs and totals per the criteria's unit. */
export function describeRoute(
  net: CompiledNetwork,
  crit: ArcCriteria,
  arcs: readonly number[],
  options: DescribeRouteOptions = {},
): Route {
  const origin = options.origin;
  const nodes = net.model.nodes;
  const legs: RouteLeg[] = [];
  const start = arcs.length > 0 ? net.arcFrom[arcs[0]!]! : (origin ?? 0);
  const path = [start];
  let prevMode: Mode | undefined;
  for (const a of arcs) {
    const u = net.arcFrom[a]!;
    const v = net.arcTo[a]!;
    const mode = arcModeName(net, a);
    if (prevMode !== undefined && prevMode !== mode) {
      legs.push({
        from: nodes[u]!.id,
        to: nodes[u]!.id,
        mode,
        kind: 'transshipment',
        id: nodes[u]!.id,
        name: `Transshipment at ${nodes[u]!.name}`,
        distance_km: 0,
        time_h: crit.transfer.timeMeanH[u]!,
        wait_h: 0,
        wait_source: 'none',
        time_var_h2: crit.transfer.timeVarH2[u]!,
        cost_usd: crit.transfer.costUsd[u]!,
        co2e_kg: 0,
        from_mode: prevMode,
      });
    }
    const kind = ARC_KIND_NAMES[net.arcKind[a]!]!;
    const id = arcElementId(net, a);
    const element =
      kind === 'crossing'
        ? net.model.crossings[net.arcElement[a]!]
        : kind === 'service'
          ? net.model.services[net.arcElement[a]!]
          : undefined;
    legs.push({
      from: nodes[u]!.id,
      to: nodes[v]!.id,
      mode,
      kind,
      id,
      name: element?.name ?? `${nodes[u]!.name} – ${nodes[v]!.name}`,
      distance_km: crit.distanceKm[a]!,
      time_h: crit.timeMeanH[a]!,
      wait_h: crit.waits.meanH[a]!,
      wait_source: WAIT_SOURCE_NAMES[crit.waits.source[a]!]!,
      time_var_h2: crit.timeVarH2[a]!,
      cost_usd: crit.costUsd[a]!,
      co2e_kg: crit.co2eKg[a]!,
    });
    path.push(v);
    prevMode = mode;
  }
  let distance = 0;
  let mean = 0;
  let variance = 0;
  let cost = 0;
  let co2e = 0;
  for (const l of legs) {
    distance += l.distance_km;
    mean += l.time_h;
    variance += l.time_var_h2;
    cost += l.cost_usd;
    co2e += l.co2e_kg;
  }
  const countries: string[] = [];
  for (const v of path) {
    const c = nodes[v]!.country;
    if (countries[countries.length - 1] !== c) countries.push(c);
  }
  const modes = [...new Set(legs.filter((l) => l.kind !== 'transshipment').map((l) => l.mode))];
  const exposed = new Set<string>([...countries, ...modes]);
  return {
    label: corridorLabel(net, arcs),
    nodes: path.map((v) => nodes[v]!.id),
    legs,
    distance_km: distance,
    time_h: { expected: mean, p90: p90(mean, variance), sd: Math.sqrt(variance) },
    cost_usd: cost,
    co2e_kg: co2e,
    countries,
    borders: legs.filter((l) => l.kind === 'crossing').length,
    transshipments: legs.filter((l) => l.kind === 'transshipment').length,
    modes,
    exposure: exposureNames(options.exposure ?? DEFAULT_EXPOSURE).filter((x) => exposed.has(x)),
    arcs,
  };
}
