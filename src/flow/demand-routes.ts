/**
 * Demand without a route in service: for every period between two days on which the network changes
 * (an element opens or closes, a dated change starts or ends), whether each demand has a path from
 * its origin to its destination over the elements in service then, in the modes it may use and
 * changing mode only where a transshipment is declared — the graph the assignment and the simulator
 * route on. A demand without one is left unserved in that period; validation warns, naming the
 * periods. (A demand without a path in any network, whatever the dates and modes, is an error of the
 * model's own rules.)
 */
import { ShortestPathTree } from '../graph/dijkstra.js';
import { arcsOfModes } from '../graph/mode-graph.js';
import { type Issue, issue } from '../model/issue.js';
import type { NetworkModel } from '../model/schema.js';
import { changeDates } from '../model/timeline.js';
import { compileNetwork, dayNumber } from '../network/compile.js';
import { buildFlowGraph } from './flow-graph.js';

/** One period: from `start` (undefined: the beginning) to the day before `end` (undefined: no end). */
interface Period {
  readonly start: string | undefined;
  readonly end: string | undefined;
}

/** Days on which an element opens or closes, or a dated change starts or ends, sorted. */
function serviceDates(model: NetworkModel): string[] {
  const dates = new Set(changeDates(model));
  for (const list of [model.nodes, model.links, model.crossings, model.services] as const)
    for (const e of list as readonly { opens?: string | undefined; closes?: string | undefined }[]) {
      if (e.opens !== undefined) dates.add(e.opens);
      if (e.closes !== undefined) dates.add(e.closes);
    }
  return [...dates].sort();
}

/** The day before an ISO date, YYYY-MM-DD. */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function describePeriod(p: Period): string {
  if (p.start === undefined && p.end === undefined) return 'at any date';
  if (p.start === undefined) return `before ${p.end}`;
  if (p.end === undefined) return `from ${p.start}`;
  return `from ${p.start} until ${p.end}`;
}

/** Warnings for every demand that has no route in service in some period, with the periods. */
export function demandRouteIssues(model: NetworkModel): Issue[] {
  if (model.demand.length === 0) return [];
  const dates = serviceDates(model);
  // A representative day of each period: the day before the first change, then each change day.
  const periods: (Period & { day: string | undefined })[] =
    dates.length === 0
      ? [{ start: undefined, end: undefined, day: undefined }]
      : [
          { start: undefined, end: dates[0], day: dayBefore(dates[0]!) },
          ...dates.map((d, i) => ({ start: d, end: dates[i + 1], day: d })),
        ];
  const missing: Period[][] = model.demand.map(() => []);
  for (const p of periods) {
    const net = compileNetwork(model, p.day === undefined ? {} : { date: p.day });
    const graph = buildFlowGraph(net, p.day === undefined ? {} : { day: dayNumber(p.day) });
    const tree = new ShortestPathTree(graph);
    for (const d of net.demand) {
      if (d.from === d.to) continue;
      const origin = graph.zone[d.source]!;
      const target = graph.zone[d.target]!;
      let reached = false;
      if (origin >= 0 && target >= 0) {
        tree.run(origin, graph.arcBaseCost, { allowed: arcsOfModes(graph, d.modeMask), targets: [target] });
        reached = Number.isFinite(tree.dist[target]!);
      }
      if (!reached) missing[d.index]!.push(p);
    }
  }
  const issues: Issue[] = [];
  missing.forEach((ps, i) => {
    if (ps.length === 0) return;
    // Adjacent periods without a route read as one.
    const merged: Period[] = [];
    for (const p of ps) {
      const last = merged.at(-1);
      if (last && last.end === p.start) merged[merged.length - 1] = { start: last.start, end: p.end };
      else merged.push(p);
    }
    const d = model.demand[i]!;
    const modes = d.modes ?? (d.mode ? [d.mode] : undefined);
    const inModes = modes ? ` in its modes (${modes.join(', ')})` : '';
    issues.push(
      issue(
        'demand_no_route',
        ['demand', i],
        `no route in service from "${d.from}" to "${d.to}"${inModes} ${merged.map(describePeriod).join(', ')}: the analyses leave it unserved then; open or add an element on its way, or let it use another mode`,
        'warning',
      ),
    );
  });
  return issues;
}
