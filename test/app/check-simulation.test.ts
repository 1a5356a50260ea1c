/**
 * `check` with a simulation of the date: each crossing direction's simulated wait and its 95 %
 * interval come from the `simulate` use case as it is, and the status says whether the queue model's
 * wait lies inside that interval, whether the simulated queue grows, or whether the simulation sent
 * nothing that way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkUseCase, simulationFindings, WAIT_RESOLUTION_H, withSimulation } from '../../src/app/check.js';
import type { SimulateResult } from '../../src/app/simulate.js';
import type { CheckDirection } from '../../src/flow/check.js';
import { loadNetwork } from '../../src/model/load.js';
import { MINI } from '../helpers.js';

const row = (assigned: number | null): CheckDirection => ({
  id: 'x',
  direction: 'a->b',
  flow_t_per_year: 1e6,
  operational_capacity_t_per_year: 2e6,
  capacity_t_per_year: 2e6,
  binding: 'lanes',
  utilization: 0.5,
  assigned_wait_h: assigned,
  route_wait_h: assigned,
  status: 'ok',
});

const estimate = (mean: number, lo: number, hi: number) => ({
  mean,
  ci95: [lo, hi] as [number, number],
  p50: mean,
  p90: hi,
  p95: hi,
  max: hi,
});

function simulated(
  mean: number,
  lo: number,
  hi: number,
  growth: number,
  nonStationary = false,
  throughput = 100,
) {
  const flow = {
    wait_h: estimate(mean, lo, hi),
    tfi1_h: estimate(mean, lo, hi),
    served: 1000,
    arrived: 1000,
    throughput_per_day: throughput,
    queue_growth_per_day: growth,
    non_stationary: nonStationary,
    utilization: 0.5,
    queue: { mean: 1, max: 3 },
  };
  return { crossings: { x: { directions: { 'a->b': flow } } } } as unknown as SimulateResult;
}

describe('check: the simulated wait beside the queue model', () => {
  it('agrees inside the interval (or within its resolution), differs outside, flags a growing queue', () => {
    expect(withSimulation(row(10), simulated(11, 9, 12, 0)).simulation).toBe('agrees');
    expect(withSimulation(row(12 + WAIT_RESOLUTION_H / 2), simulated(11, 9, 12, 0)).simulation).toBe(
      'agrees',
    );
    expect(withSimulation(row(13), simulated(11, 9, 12, 0)).simulation).toBe('differs');
    expect(withSimulation(row(5), simulated(11, 9, 12, 0)).simulation).toBe('differs');
    // The simulator judged the queue not stationary: flagged, whatever the interval says.
    const growing = withSimulation(row(10), simulated(11, 9, 12, 5, true));
    expect(growing.simulation).toBe('queue grows');
    expect(growing.queue_growth_per_day).toBe(5);
    expect(withSimulation(row(10), simulated(11, 9, 12, 0.4)).simulation).toBe('agrees');
    const r = withSimulation(row(10), simulated(11, 9, 12, 0));
    expect(r.simulated_wait_h).toBe(11);
    expect(r.simulated_wait_ci95_h).toEqual([9, 12]);
    expect(withSimulation(row(10), { crossings: {} } as unknown as SimulateResult).simulation).toBe(
      'no simulated traffic',
    );
    expect(withSimulation(row(10), null).simulation).toBe('not simulated');
  });

  it('says why a direction at or near its capacity differs: no stationary wait, or a queue slow to settle', () => {
    const at = (utilization: number, assigned: number, sim: number) =>
      simulationFindings(
        withSimulation({ ...row(assigned), utilization }, simulated(sim, sim - 1, sim + 1, 0)),
      );
    expect(at(0.5, 10, 20)).toHaveLength(1);
    expect(at(0.5, 10, 20)[0]).toMatch(/differs from the queue model's 10\.0 h$/);
    expect(at(0.99, 40, 5)[0]).toMatch(/at 99 % of capacity a queue settles slowly/);
    expect(at(0.99, 5, 40)[0]).toMatch(/differs from the queue model's 5\.0 h$/); // above the model: no excuse
    expect(at(1, 999, 260)[0]).toMatch(/at capacity the queue model has no stationary wait/);
    expect(at(0.5, 10, 10)).toEqual([]);
  });

  it('on the mini fixture: the simulated figures are those of the simulate use case run alone', async () => {
    const { model } = loadNetwork(readFileSync(MINI, 'utf8'), 'mini.yaml');
    const o = checkUseCase.options.parse({ date: '2026-06-01', replications: 3, days: 20 });
    const r = await checkUseCase.run(model, o, {});
    expect(checkUseCase.result.parse(r)).toEqual(r);
    expect(r.simulation).toEqual({ replications: 3, days: 20, seed: 1 });
    const { simulateUseCase } = await import('../../src/app/simulate.js');
    const sim = await simulateUseCase.run(
      model,
      simulateUseCase.options.parse({ date: '2026-06-01', replications: 3, days: 20 }),
      {},
    );
    let compared = 0;
    for (const x of r.crossings) {
      const flow = sim.crossings[x.id]?.directions[x.direction];
      if (!flow) {
        expect(x.simulation).toBe('no simulated traffic');
        continue;
      }
      expect(x.simulated_wait_h).toBe(flow.wait_h.mean);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
    const none = await checkUseCase.run(
      model,
      checkUseCase.options.parse({ date: '2026-06-01', replications: 0 }),
      {},
    );
    expect(none.simulation).toBeNull();
    for (const x of none.crossings) expect(x.simulation).toBe('not simulated');
  });
});
