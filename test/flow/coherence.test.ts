/**
 * One loaded network, one set of numbers: on the default dataset, for a date, the wait route planning
 * uses at each crossing and direction is the wait `assign` reports for it, both the queue model's at
 * the flow assigned there; no direction is loaded to its capacity; a loaded direction has a wait.
 */
import { describe, expect, it } from 'vitest';
import { assignFlows } from '../../src/flow/assignment.js';
import { demandMatrix } from '../../src/flow/demand.js';
import { demandInYear } from '../../src/flow/demand-growth.js';
import { buildFlowGraph } from '../../src/flow/flow-graph.js';
import { flowReport } from '../../src/flow/flow-report.js';
import { ArcKind, arcElementId, compileNetwork, dayNumber } from '../../src/network/compile.js';
import { analyticWaits } from '../../src/route/analytic-waits.js';
import { DEFAULT } from '../helpers.js';
import { fixtureModel } from './models.js';

const model = fixtureModel(DEFAULT);
const DATE = '2025-07-01';

describe('route, assign: the same loaded network on the default dataset', async () => {
  const net = compileNetwork(model);
  const waits = analyticWaits(net, { date: DATE });
  const dated = compileNetwork(model, { date: DATE });
  const graph = buildFlowGraph(dated, { day: dayNumber(DATE) });
  const demand = demandInYear(demandMatrix(model), 2025, { baseYear: 2024 });
  const report = flowReport(await assignFlows(graph, demand, { method: 'equilibrium' }));
  const rows = new Map(report.crossings.map((r) => [r.id, r]));

  it('each crossing direction: the wait route planning uses equals the wait assign reports, and the flow matches', () => {
    let compared = 0;
    for (let a = 0; a < net.arcCount; a++) {
      if (net.arcKind[a] !== ArcKind.crossing) continue;
      const row = rows.get(arcElementId(net, a));
      if (!row) continue; // not in service on the date
      const key = `${net.nodeIds[net.arcFrom[a]!]}->${net.nodeIds[net.arcTo[a]!]}`;
      const dir = row.directions[key]!;
      expect(dir, `${row.id} ${key}`).toBeDefined();
      expect(waits.loadTPerH[a]! * 8760).toBeCloseTo(dir.flow_t_per_year, -1);
      if (dir.wait_h === null || dir.wait_h === undefined) continue;
      expect(waits.meanH[a], `${row.id} ${key}`).toBeCloseTo(dir.wait_h, 6);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('no direction, shared capacity or crossing is loaded to its capacity, and a loaded crossing direction waits', () => {
    for (const r of [...report.links, ...report.crossings, ...report.services]) {
      if (r.utilization !== null) expect(r.utilization, r.id).toBeLessThan(1);
      for (const [key, d] of Object.entries(r.directions)) {
        if (d.capacity_t_per_year !== null)
          expect(d.flow_t_per_year, `${r.id} ${key}`).toBeLessThan(d.capacity_t_per_year);
        if (r.kind === 'crossing' && d.utilization !== null && d.utilization > 0.5)
          expect(d.wait_h ?? 0, `${r.id} ${key}`).toBeGreaterThan(0);
      }
    }
  });
});
