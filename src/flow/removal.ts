/**
 * What a resilience scenario takes out, written `KIND:ID` (`country:RU`, `crossing:ID`, `link:ID`,
 * `node:ID`, `service:ID`), checked with suggestions and turned into closed arcs and nodes.
 */
import { countryName, findCountry } from '../model/country.js';
import { InputError, type Issue, issue } from '../model/issue.js';
import type { NetworkModel } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { ArcKind, type CompiledNetwork } from '../network/compile.js';
import { crossingIndex, nodeIndex } from '../network/lookup.js';

export const REMOVAL_KINDS = ['country', 'crossing', 'link', 'node', 'service'] as const;
export type RemovalKind = (typeof REMOVAL_KINDS)[number];

export interface Removal {
  readonly kind: RemovalKind;
  /** Country code, or the id of the element or node. */
  readonly id: string;
}

/** Parses removal specs; throws one InputError listing every bad one. */
export function parseRemovals(specs: readonly string[], model: NetworkModel, option = '--remove'): Removal[] {
  const issues: Issue[] = [];
  const out: Removal[] = [];
  for (const spec of specs) {
    try {
      out.push(parseRemoval(spec, model, option));
    } catch (e) {
      if (e instanceof InputError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return out;
}

/** Parses one `KIND:ID`; throws an InputError with suggestions. */
export function parseRemoval(spec: string, model: NetworkModel, option = '--remove'): Removal {
  const colon = spec.indexOf(':');
  const kindText = colon < 0 ? '' : spec.slice(0, colon).trim().toLowerCase();
  const idText = colon < 0 ? spec.trim() : spec.slice(colon + 1).trim();
  const fail = (code: Issue['code'], message: string): never => {
    throw new InputError([issue(code, option, message)]);
  };
  if (!(REMOVAL_KINDS as readonly string[]).includes(kindText)) {
    const hint = colon < 0 ? guessKind(idText, model) : undefined;
    fail(
      'invalid_option',
      colon < 0
        ? `"${spec}" has no kind: write KIND:ID with KIND one of ${REMOVAL_KINDS.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`
        : `unknown kind "${kindText}" in "${spec}"${didYouMean(kindText, REMOVAL_KINDS)}: use one of ${REMOVAL_KINDS.join(', ')}`,
    );
  }
  if (idText === '') fail('invalid_option', `"${spec}" names nothing: write ${kindText}:ID`);
  const kind = kindText as RemovalKind;
  switch (kind) {
    case 'country': {
      const present = [...new Set(model.nodes.map((n) => n.country))].sort();
      const code = findCountry(idText);
      if (code && present.includes(code)) return { kind, id: code };
      const labels = present.flatMap((c) => [c, countryName(c)]);
      return fail(
        'unknown_reference',
        `${code ? `${countryName(code)} (${code}) is not in the network` : `unknown country "${idText}"`}${didYouMean(idText, labels)}: countries are ${present.join(', ')}`,
      );
    }
    case 'node':
      return { kind, id: nodeIndex(model).resolve(idText, option).id };
    case 'crossing':
      return { kind, id: crossingIndex(model).resolve(idText, option).id };
    case 'link':
    case 'service': {
      const ids = kind === 'link' ? model.links.map((l) => l.id!) : model.services.map((s) => s.id);
      if (ids.includes(idText)) return { kind, id: idText };
      return fail(
        'unknown_reference',
        `unknown ${kind} "${idText}"${didYouMean(idText, ids) || `: see \`caravan network export --format json\` for the ${kind} ids`}`,
      );
    }
  }
}

function guessKind(id: string, model: NetworkModel): string | undefined {
  if (findCountry(id)) return `country:${id}`;
  if (model.crossings.some((c) => c.id === id)) return `crossing:${id}`;
  if (model.nodes.some((n) => n.id === id)) return `node:${id}`;
  if (model.links.some((l) => l.id === id)) return `link:${id}`;
  if (model.services.some((s) => s.id === id)) return `service:${id}`;
  return undefined;
}

/** Closed arcs and nodes of a compiled network for a list of removals. */
export function removalMasks(
  net: CompiledNetwork,
  removals: readonly Removal[],
): { closedArcs: Uint8Array; closedNodes: Uint8Array } {
  const closedArcs = new Uint8Array(net.arcCount);
  const closedNodes = new Uint8Array(net.nodeCount);
  const model = net.model;
  for (const r of removals) {
    if (r.kind === 'country') {
      model.nodes.forEach((n, v) => {
        if (n.country === r.id) closedNodes[v] = 1;
      });
    } else if (r.kind === 'node') {
      closedNodes[net.nodeIndex.get(r.id)!] = 1;
    } else {
      const kind = ArcKind[r.kind];
      const list: readonly { id?: string | undefined }[] =
        r.kind === 'link' ? model.links : r.kind === 'crossing' ? model.crossings : model.services;
      const index = list.findIndex((e) => e.id === r.id);
      for (let a = 0; a < net.arcCount; a++) {
        if (net.arcKind[a] === kind && net.arcElement[a] === index) closedArcs[a] = 1;
      }
    }
  }
  return { closedArcs, closedNodes };
}
