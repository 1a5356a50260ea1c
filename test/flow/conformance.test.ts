/** Every assignment method passes the same checks: conservation, non-negativity, modes, closures. */
import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_METHODS, METHODS } from '../../src/flow/assignment.js';
import { demandMatrix } from '../../src/flow/demand.js';
import { buildFlowGraph, modeMask } from '../../src/flow/flow-graph.js';
import { flowReport } from '../../src/flow/flow-report.js';
import type { NetworkModel } from '../../src/model/schema.js';
import { compileNetwork, dayNumber } from '../../src/network/compile.js';
import { MINI } from '../helpers.js';
import { fixtureModel } from './models.js';

const CASES: { name: string; model: () => NetworkModel; day?: number }[] = [
  { name: 'flow-corridors 2024', model: () => fixtureModel(), day: dayNumber('2024-07-01') },
  { name: 'flow-corridors 2028', model: () => fixtureModel(), day: dayNumber('2028-07-01') },
  { name: 'mini', model: () => fixtureModel(MINI) },
];

describe.each(ASSIGNMENT_METHODS)('assignment method %s', (name) => {
  const method = METHODS[name];
  it.each(CASES)('conserves tonnage and respects modes and closures on $name', async ({ model, day }) => {
    const net = compileNetwork(model());
    const graph = buildFlowGraph(net, { day });
    const demand = demandMatrix(net.model);
    const as = await method.assign(graph, demand);
    expect(as.method).toBe(name);
    expect(as.converged).toBe(true);
    if (name === 'equilibrium') expect(as.gap).toBeLessThanOrEqual(1e-4);

    // Paths: contiguous, from the pair's origin to its destination, on allowed modes, positive flow.
    const fromPaths = new Float64Array(graph.arcCount);
    const served = new Float64Array(demand.length);
    for (const p of as.paths) {
      expect(p.flow).toBeGreaterThan(0);
      const od = as.ods[p.od]!;
      expect(graph.arcFrom[p.arcs[0]!]).toBe(od.origin);
      expect(graph.arcTo[p.arcs[p.arcs.length - 1]!]).toBe(od.destination);
      for (let i = 1; i < p.arcs.length; i++)
        expect(graph.arcFrom[p.arcs[i]!]).toBe(graph.arcTo[p.arcs[i - 1]!]);
      const mask = modeMask(demand[p.od]!.modes);
      for (const a of p.arcs) {
        const bit = graph.arcModeBit[a]!;
        expect(bit === 0 || (bit & mask) !== 0).toBe(true);
        fromPaths[a]! += p.flow;
      }
      served[p.od]! += p.flow;
    }
    // Tonnage conserved per pair; arc flows are the sum of path flows; nothing negative.
    demand.forEach((d, k) => {
      expect(as.odUnserved[k]!).toBeGreaterThanOrEqual(-1e-6);
      expect((served[k]! + as.odUnserved[k]!) / d.tPerYear).toBeCloseTo(1, 9);
    });
    for (let a = 0; a < graph.arcCount; a++) {
      expect(as.arcFlow[a]!).toBeGreaterThanOrEqual(-1e-6);
      expect(Math.abs(as.arcFlow[a]! - fromPaths[a]!)).toBeLessThanOrEqual(1e-6 * (1 + fromPaths[a]!));
    }
    // Elements out of service carry nothing and are not reported.
    const report = flowReport(as);
    for (const info of graph.elements) {
      const open = net.model[`${info.kind}s`].find((e: { id?: string | undefined }) => e.id === info.id);
      const inService = day === undefined || !open?.opens || dayNumber(open.opens) <= day;
      const rows = [...report.links, ...report.crossings, ...report.services].filter((r) => r.id === info.id);
      expect(rows.length).toBe(inService ? 1 : 0);
    }
    if (name === 'capacity') {
      for (const r of [...report.links, ...report.crossings, ...report.services]) {
        if (r.capacity_t_per_year !== null)
          expect(r.flow_t_per_year).toBeLessThanOrEqual(r.capacity_t_per_year * (1 + 1e-9));
      }
    }
  });
});
