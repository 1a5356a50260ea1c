/**
 * The meaning of a network, beyond its form: ids unique and referenced correctly, crossings between
 * countries, calendars and dates that can happen, every node reachable, demand that can be served.
 */
import { isCountryCode } from './country.js';
import { type Issue, issue, type PathSegment } from './issue.js';
import { checkPlausibility } from './plausibility.js';
import { checkProvenance } from './provenance.js';
import { checkDemand } from './rules-demand.js';
import { checkVariants } from './rules-variants.js';
import type { NetworkModel } from './schema.js';
import { didYouMean } from './suggest.js';

type Declared = Readonly<
  Record<
    'sources' | 'units' | 'nodes' | 'links' | 'crossings' | 'services' | 'demand' | 'cargo_classes',
    ReadonlySet<string>
  >
>;

/** A node reference in an entry that failed the schema. */
export interface PartialRef {
  readonly path: PathSegment[];
  readonly node: string;
}

export function checkMeaning(
  model: NetworkModel,
  declared: Declared,
  partialRefs: readonly PartialRef[] = [],
): Issue[] {
  const issues: Issue[] = [];
  const nodeIds = new Set(declared.nodes);
  const nodeCountry = new Map(model.nodes.map((n) => [n.id, n.country]));

  checkDuplicates(model, issues);

  const ref = (path: PathSegment[], id: string) => {
    if (!nodeIds.has(id))
      issues.push(issue('unknown_reference', path, `unknown node "${id}"${didYouMean(id, nodeIds)}`));
  };

  for (const p of partialRefs) ref(p.path, p.node);

  model.nodes.forEach((n, i) => {
    if (!isCountryCode(n.country)) {
      const upper = n.country.toUpperCase();
      const fix = isCountryCode(upper)
        ? ` (write it in capitals: "${upper}")`
        : ': use an ISO 3166-1 alpha-2 code such as KZ, CN, RU';
      issues.push(
        issue('bad_country', ['nodes', i, 'country'], `"${n.country}" is not a country code${fix}`),
      );
    }
  });

  model.links.forEach((l, i) => {
    ref(['links', i, 'from'], l.from);
    ref(['links', i, 'to'], l.to);
    if (l.from === l.to)
      issues.push(issue('invalid_value', ['links', i, 'to'], 'a link must join two different nodes'));
    if (l.time === undefined && l.speed_kmh === undefined) {
      issues.push(
        issue('missing_time', ['links', i], 'a link needs a travel `time` (a distribution) or a `speed_kmh`'),
      );
    }
    if (l.mode === 'rail' && l.gauge_mm === undefined) {
      issues.push(
        issue(
          'missing_field',
          ['links', i, 'gauge_mm'],
          'a rail link needs its gauge: gauge_mm: 1435 or 1520',
        ),
      );
    }
    checkDates(['links', i], l.opens, l.closes, issues);
  });

  const gaugesAt = railGaugesByNode(model);
  model.crossings.forEach((c, i) => {
    ref(['crossings', i, 'from'], c.from);
    ref(['crossings', i, 'to'], c.to);
    const a = nodeCountry.get(c.from);
    const b = nodeCountry.get(c.to);
    if (a !== undefined && b !== undefined && a === b) {
      issues.push(
        issue(
          'same_country_crossing',
          ['crossings', i],
          `both ends ("${c.from}", "${c.to}") are in ${a}: a border crossing joins nodes in two countries`,
        ),
      );
    }
    checkDates(['crossings', i], c.opens, c.closes, issues);
    if (c.mode === 'rail' && c.gauge_change === undefined) {
      const ga = gaugesAt.get(c.from);
      const gb = gaugesAt.get(c.to);
      if (ga && gb && ga.size === 1 && gb.size === 1 && [...ga][0] !== [...gb][0]) {
        issues.push(
          issue(
            'gauge_mismatch',
            ['crossings', i, 'gauge_change'],
            `the tracks on each side have different gauges (${[...ga][0]} and ${[...gb][0]} mm): describe the gauge change (time, cost)`,
            'warning',
          ),
        );
      }
    }
  });

  model.services.forEach((s, i) => {
    ref(['services', i, 'from'], s.from);
    ref(['services', i, 'to'], s.to);
    checkDates(['services', i], s.opens, s.closes, issues);
  });

  const unitIds = new Set(declared.units);
  for (const [mode, props] of Object.entries(model.modes)) {
    if (!unitIds.has(props.unit)) {
      issues.push(
        issue(
          'unknown_reference',
          ['modes', mode, 'unit'],
          `unknown unit "${props.unit}"${didYouMean(props.unit, unitIds)}: declare it under \`units\``,
        ),
      );
    }
  }

  model.demand.forEach((d, i) => {
    ref(['demand', i, 'from'], d.from);
    ref(['demand', i, 'to'], d.to);
  });
  issues.push(...checkDemand(model, unitIds, declared.cargo_classes));
  issues.push(...checkVariants(model));

  // Connectivity is only meaningful when every edge could be read and joins known nodes.
  const brokenEdge =
    partialRefs.some((p) => p.path[0] !== 'demand') ||
    issues.some((i) => i.code === 'unknown_reference' && /^(links|crossings|services)\[/.test(i.path));
  if (!brokenEdge) issues.push(...checkConnectivity(model, nodeIds));
  issues.push(...checkProvenance(model, declared.sources));
  issues.push(...checkPlausibility(model));
  return issues;
}

function checkDuplicates(model: NetworkModel, issues: Issue[]): void {
  const lists = ['sources', 'units', 'nodes', 'links', 'crossings', 'services', 'cargo_classes'] as const;
  const edgeIds = new Map<string, string>();
  for (const list of lists) {
    const seen = new Map<string, number>();
    (model[list] as readonly { id?: string }[]).forEach((e, i) => {
      if (e.id === undefined) return;
      const first = seen.get(e.id);
      if (first !== undefined) {
        issues.push(
          issue(
            'duplicate_id',
            [list, i, 'id'],
            `id "${e.id}" is already used by ${list}[${first}]: ids must be unique`,
          ),
        );
        return;
      }
      seen.set(e.id, i);
      if (list === 'links' || list === 'crossings' || list === 'services') {
        const other = edgeIds.get(e.id);
        if (other !== undefined) {
          issues.push(
            issue(
              'duplicate_id',
              [list, i, 'id'],
              `id "${e.id}" is also used by ${other}: links, crossings and services share one id space`,
            ),
          );
        } else edgeIds.set(e.id, `${list}[${i}]`);
      }
    });
  }
}

function checkDates(
  path: PathSegment[],
  opens: string | undefined,
  closes: string | undefined,
  issues: Issue[],
): void {
  if (opens !== undefined && closes !== undefined && closes <= opens) {
    issues.push(
      issue('bad_date', [...path, 'closes'], `closes (${closes}) must come after opens (${opens})`),
    );
  }
}

function railGaugesByNode(model: NetworkModel): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const l of model.links) {
    if (l.gauge_mm === undefined) continue;
    for (const n of [l.from, l.to]) {
      let s = out.get(n);
      if (!s) out.set(n, (s = new Set()));
      s.add(l.gauge_mm);
    }
  }
  return out;
}

/**
 * Every node must be connected to the network (ignoring direction), and every demand must have a
 * directed path from its origin to its destination over links, crossings and services.
 */
function checkConnectivity(model: NetworkModel, nodeIds: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const index = new Map(model.nodes.map((n, i) => [n.id, i]));
  const n = model.nodes.length;
  if (n === 0) return issues;
  const out: number[][] = Array.from({ length: n }, () => []);
  const undirected: number[][] = Array.from({ length: n }, () => []);
  for (const e of [...model.links, ...model.crossings, ...model.services]) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    out[a]!.push(b);
    if (e.bidirectional) out[b]!.push(a);
    undirected[a]!.push(b);
    undirected[b]!.push(a);
  }
  // Components of the undirected graph; every node outside the largest one is unreachable.
  const comp = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (comp[s] !== -1) continue;
    const c = sizes.length;
    sizes.push(0);
    const stack = [s];
    comp[s] = c;
    while (stack.length) {
      const v = stack.pop()!;
      sizes[c]!++;
      for (const w of undirected[v]!) {
        if (comp[w] === -1) {
          comp[w] = c;
          stack.push(w);
        }
      }
    }
  }
  if (sizes.length > 1) {
    const main = sizes.indexOf(Math.max(...sizes));
    model.nodes.forEach((node, i) => {
      if (comp[i] !== main) {
        const alone = undirected[i]!.length === 0;
        issues.push(
          issue(
            'unreachable_node',
            ['nodes', i],
            `node "${node.id}" ${alone ? 'has no link, crossing or service' : 'is cut off from the rest of the network'}: connect it or remove it`,
          ),
        );
      }
    });
  }
  model.demand.forEach((d, i) => {
    const a = index.get(d.from);
    const b = index.get(d.to);
    if (a === undefined || b === undefined || !nodeIds.has(d.from) || !nodeIds.has(d.to)) return;
    const seen = new Uint8Array(n);
    const stack = [a];
    seen[a] = 1;
    while (stack.length) {
      const v = stack.pop()!;
      for (const w of out[v]!) {
        if (!seen[w]) {
          seen[w] = 1;
          stack.push(w);
        }
      }
    }
    if (!seen[b]) {
      issues.push(
        issue(
          'demand_unconnected',
          ['demand', i],
          `no path from "${d.from}" to "${d.to}": add the missing link or fix the direction of a one-way link`,
        ),
      );
    }
  });
  return issues;
}
