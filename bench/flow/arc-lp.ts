/**
 * The capacity program of a benchmark problem written the way a general LP solver takes it: the
 * arc-based, origin-aggregated formulation (one commodity per origin, flow conservation at every
 * node, capacity rows over both directions of an element, unserved demand at a penalty), as CPLEX
 * LP text for glpsol or HiGHS.
 */
import type { SyntheticProblem } from './synthetic-problem.js';

export function arcFormulationLp(p: SyntheticProblem, penalty: number): string {
  const g = p.graph;
  const origins = [...new Set(p.ods.map((o) => o.origin))];
  const out: string[] = [
    '\\ arc-based multicommodity min-cost flow, one commodity per origin',
    'Minimize',
    ' obj:',
  ];
  const scale = 1e-6; // tonnes → Mt, as in Caravan's column generation
  origins.forEach((_, c) => {
    for (let a = 0; a < g.arcCount; a++) out.push(` + ${p.arcCost[a]} x${c}_${a}`);
  });
  for (let k = 0; k < p.ods.length; k++) out.push(` + ${penalty} u${k}`);
  out.push('Subject To');
  origins.forEach((origin, c) => {
    const supply = new Map<number, { rhs: number; unserved: { k: number; sign: number }[] }>();
    const at = (v: number) => {
      let s = supply.get(v);
      if (!s) supply.set(v, (s = { rhs: 0, unserved: [] }));
      return s;
    };
    p.ods.forEach((od, k) => {
      if (od.origin !== origin) return;
      const d = od.demand * scale;
      at(origin).rhs += d;
      at(origin).unserved.push({ k, sign: 1 });
      at(od.destination).rhs -= d;
      at(od.destination).unserved.push({ k, sign: -1 });
    });
    for (let v = 0; v < g.nodeCount; v++) {
      out.push(` f${c}_${v}:`);
      for (let i = g.outStart[v]!; i < g.outStart[v + 1]!; i++) out.push(` + x${c}_${g.outArcs[i]}`);
      const s = supply.get(v);
      for (const u of s?.unserved ?? []) out.push(` ${u.sign > 0 ? '+' : '-'} u${u.k}`);
      out.push(`${IN_PLACEHOLDER}${c}_${v}`);
      out.push(` = ${s ? s.rhs : 0}`);
    }
  });
  // In-arcs: fill the placeholders from the graph's in-adjacency.
  const { inStart, inArcs } = g;
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    if (!line.startsWith(IN_PLACEHOLDER)) continue;
    const [c, v] = line.slice(IN_PLACEHOLDER.length).split('_').map(Number) as [number, number];
    const terms: string[] = [];
    for (let j = inStart[v]!; j < inStart[v + 1]!; j++) terms.push(` - x${c}_${inArcs[j]}`);
    out[i] = terms.join('\n');
  }
  const elementArcs = new Map<number, number[]>();
  for (let a = 0; a < g.arcCount; a++) {
    const e = p.arcElement[a]!;
    if (!Number.isFinite(p.elementCapacity[e]!)) continue;
    const list = elementArcs.get(e) ?? [];
    list.push(a);
    elementArcs.set(e, list);
  }
  for (const [e, arcs] of elementArcs) {
    out.push(` cap${e}:`);
    origins.forEach((_, c) => {
      for (const a of arcs) out.push(` + x${c}_${a}`);
    });
    out.push(` <= ${p.elementCapacity[e]! * scale}`);
  }
  out.push('End', '');
  return out.join('\n');
}

const IN_PLACEHOLDER = '\u0000in';
