/**
 * What a route may use: the constraints of a query (countries, nodes and elements to avoid, modes
 * allowed, the date that decides which infrastructure is in service, the cargo type) turned into a
 * mask over the compiled network's arcs. Unknown names are input errors with a suggestion.
 */
import { findCountry } from '../model/country.js';
import { InputError, type Issue, issue } from '../model/issue.js';
import { MODES, type Mode } from '../model/modes.js';
import type { NetworkModel } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { arcElementId, type CompiledNetwork, dayNumber } from '../network/compile.js';

export interface RouteConstraints {
  /** ISO codes (or English names) of countries the route must not enter. */
  readonly avoidCountries?: readonly string[] | undefined;
  /** Ids of nodes, links, crossings or services the route must not use. */
  readonly avoid?: readonly string[] | undefined;
  /** Modes the route may use (default: all). */
  readonly modes?: readonly Mode[] | undefined;
  /** YYYY-MM-DD: only infrastructure in service that day is used (default: all, whatever its dates). */
  readonly date?: string | undefined;
  /** Cargo type: limits the modes to those the network's demand allows for it. */
  readonly cargo?: string | undefined;
}

/** How each constraint is named in error paths: the library's option names, or the CLI's flags. */
export interface ConstraintPaths {
  readonly avoidCountries: string;
  readonly avoid: string;
  readonly modes: string;
  readonly date: string;
  readonly cargo: string;
}

export const LIBRARY_PATHS: ConstraintPaths = {
  avoidCountries: 'avoidCountries',
  avoid: 'avoid',
  modes: 'modes',
  date: 'date',
  cargo: 'cargo',
};

/** Constraints checked against a network, with names resolved: what the mask is built from. */
export interface ResolvedConstraints {
  readonly avoidCountries: ReadonlySet<string>;
  readonly avoid: ReadonlySet<string>;
  readonly modes: ReadonlySet<Mode>;
  readonly day?: number;
}

/** Checks constraints against a network; throws an InputError listing every bad value. */
export function resolveConstraints(
  net: CompiledNetwork,
  c: RouteConstraints,
  paths: ConstraintPaths = LIBRARY_PATHS,
): ResolvedConstraints {
  const issues: Issue[] = [];
  const countries = new Set<string>();
  for (const text of c.avoidCountries ?? []) {
    const code = findCountry(text);
    if (code === undefined) {
      issues.push(
        issue(
          'invalid_option',
          paths.avoidCountries,
          `"${text}" is not a country: give ISO codes such as RU,BY${didYouMean(text, net.countries)}`,
        ),
      );
    } else countries.add(code);
  }
  const ids = elementIds(net.model);
  const avoid = new Set<string>();
  for (const id of c.avoid ?? []) {
    if (ids.has(id)) avoid.add(id);
    else {
      issues.push(
        issue(
          'unknown_reference',
          paths.avoid,
          `no node, link, crossing or service "${id}"${didYouMean(id, ids) || ': see `caravan network info`'}`,
        ),
      );
    }
  }
  let modes = new Set<Mode>(c.modes ?? MODES);
  for (const m of c.modes ?? []) {
    if (!(MODES as readonly string[]).includes(m)) {
      issues.push(issue('invalid_option', paths.modes, `unknown mode "${m}": use ${MODES.join(', ')}`));
    }
  }
  if (c.cargo !== undefined) {
    const byCargo = cargoModes(net.model, c.cargo);
    if ('error' in byCargo) issues.push(issue('invalid_option', paths.cargo, byCargo.error));
    else if (byCargo.modes) modes = new Set([...modes].filter((m) => byCargo.modes!.has(m)));
  }
  let day: number | undefined;
  if (c.date !== undefined) {
    day = /^\d{4}-\d{2}-\d{2}$/.test(c.date) ? dayNumber(c.date) : Number.NaN;
    if (Number.isNaN(day) || new Date(day * 86_400_000).toISOString().slice(0, 10) !== c.date) {
      issues.push(
        issue('invalid_option', paths.date, `"${c.date}" is not a date: write YYYY-MM-DD, e.g. 2027-06-01`),
      );
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return { avoidCountries: countries, avoid, modes, ...(day !== undefined ? { day } : {}) };
}

/** 1 for each arc a route may use under the constraints. */
export function allowedArcs(net: CompiledNetwork, r: ResolvedConstraints): Uint8Array {
  const allowed = new Uint8Array(net.arcCount);
  const bannedNode = new Uint8Array(net.nodeCount);
  net.model.nodes.forEach((node, i) => {
    if (r.avoid.has(node.id) || r.avoidCountries.has(node.country)) bannedNode[i] = 1;
  });
  const modeOk = MODES.map((m) => r.modes.has(m));
  for (let a = 0; a < net.arcCount; a++) {
    if (!modeOk[net.arcMode[a]!]) continue;
    if (bannedNode[net.arcFrom[a]!] || bannedNode[net.arcTo[a]!]) continue;
    if (r.day !== undefined && !(net.arcOpensDay[a]! <= r.day && r.day < net.arcClosesDay[a]!)) continue;
    if (r.avoid.size > 0 && r.avoid.has(arcElementId(net, a))) continue;
    allowed[a] = 1;
  }
  return allowed;
}

/** 1 for each arc in service on a day (every arc when no day is given). */
export function openArcs(net: CompiledNetwork, day?: number): Uint8Array {
  const open = new Uint8Array(net.arcCount);
  for (let a = 0; a < net.arcCount; a++) {
    open[a] = day === undefined || (net.arcOpensDay[a]! <= day && day < net.arcClosesDay[a]!) ? 1 : 0;
  }
  return open;
}

/**
 * The modes the network's demand allows for a cargo type: the union of `modes` (or `mode`) of the
 * demand entries of that cargo; undefined when none of them restricts modes (the data does not
 * distinguish the cargo). An error when no demand entry has that cargo type.
 */
export function cargoModes(model: NetworkModel, cargo: string): { modes?: Set<Mode> } | { error: string } {
  const known = [...new Set(model.demand.map((d) => d.cargo).filter((x): x is string => x !== undefined))];
  if (known.length === 0) {
    return {
      error: `the network does not distinguish cargo types (no demand entry has a \`cargo\`): leave it out`,
    };
  }
  const entries = model.demand.filter((d) => d.cargo === cargo);
  if (entries.length === 0) {
    return {
      error: `unknown cargo type "${cargo}"${didYouMean(cargo, known) || `: the network knows ${known.join(', ')}`}`,
    };
  }
  if (entries.some((d) => d.modes === undefined && d.mode === undefined)) return {};
  return { modes: new Set(entries.flatMap((d) => d.modes ?? (d.mode ? [d.mode] : []))) };
}

/** Every id a route can avoid: nodes, links, crossings and services. */
export function elementIds(model: NetworkModel): Set<string> {
  return new Set([
    ...model.nodes.map((n) => n.id),
    ...model.links.map((l) => l.id!),
    ...model.crossings.map((c) => c.id),
    ...model.services.map((s) => s.id),
  ]);
}
