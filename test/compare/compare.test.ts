/**
 * The compare use case on the mini network: a scenario that changes nothing gives differences of
 * exactly zero with intervals [0, 0]; common random numbers give a narrower interval for a real
 * lever than independent seeds do; scenario mistakes are located in the scenario.
 */
import { describe, expect, it } from 'vitest';
import { CompareOptions, runCompare } from '../../src/app/compare.js';
import { readNetworkFile } from '../../src/io/network-file.js';
import { InputError } from '../../src/model/issue.js';
import { MINI } from '../helpers.js';

const base = readNetworkFile(MINI).model;
const NOOP = { format: 'caravan-scenario/1', name: 'nothing changes' };
/** Faster documents at the gate: the same draws, shorter times (what common random numbers pair best). */
const FASTER_DOCUMENTS = {
  format: 'caravan-scenario/1',
  name: 'faster documents',
  changes: {
    crossings: {
      gate: {
        steps: [
          { name: 'documents', time: 'tri(8min, 15min, 45min)' },
          { name: 'inspection', time: 'exp(mean=1h)', probability: 0.3, repeat: 0.2 },
        ],
      },
    },
  },
};

const options = (over: Record<string, unknown>) =>
  CompareOptions.parse({ days: 20, replications: 6, workers: 1, to_year: 2026, date: '2024-07-01', ...over });

describe('compare', () => {
  it('reports its progress over the whole comparison: it never goes back, and ends where it said', async () => {
    // Base and one scenario, each a simulation of 6 replications and an assignment: 2 × (6 + 1) = 14
    // units of work, counted from 0.
    const seen: { phase: string; done: number; total: number }[] = [];
    await runCompare(
      base,
      options({ scenarios: [{ name: 'noop', scenario: NOOP }], analyses: ['simulation', 'assignment'] }),
      { onProgress: (p) => seen.push({ ...p }) },
    );
    expect(new Set(seen.map((p) => p.total))).toEqual(new Set([14]));
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    expect(Math.max(...seen.map((p) => p.done))).toBe(13);
    expect(seen.some((p) => p.phase === 'simulation of noop' && p.done >= 7)).toBe(true);
  });

  it('a scenario that changes nothing: every difference exactly 0, every interval [0, 0]', async () => {
    const r = await runCompare(base, options({ scenarios: [{ name: 'noop', scenario: NOOP }] }));
    const s = r.scenarios[0]!;
    const crossings = Object.values(s.crossings);
    expect(crossings.length).toBeGreaterThan(0);
    for (const c of crossings) {
      for (const d of [
        c.wait_h,
        c.throughput_per_day,
        c.utilization,
        ...Object.values(c.directions).map((x) => x.wait_h),
      ]) {
        expect(d.pairs).toBe(6);
        expect(d.difference).toBe(0);
        expect(d.difference_ci95).toEqual([0, 0]);
      }
    }
    for (const d of Object.values(s.transit_h)) {
      expect(d.difference).toBe(0);
      expect(d.difference_ci95).toEqual([0, 0]);
    }
    for (const d of s.route_differences) expect(d.time_h.difference).toBe(0);
    for (const d of s.corridor_differences) expect(d.difference).toBe(0);
    expect(s.outlook_differences.every((d) => d.base_first_year === d.scenario_first_year)).toBe(true);
    expect(r.method.common_random_numbers).toBe(true);
    expect(s.seed).toBe(r.method.seed);
  });

  it('common random numbers give a narrower interval of the difference than independent seeds', async () => {
    const run = (independent: boolean) =>
      runCompare(
        base,
        options({
          scenarios: [{ name: 'documents', scenario: FASTER_DOCUMENTS }],
          analyses: ['simulation'],
          replications: 10,
          independent_seeds: independent,
        }),
      );
    const crn = (await run(false)).scenarios[0]!.crossings.gate!;
    const ind = (await run(true)).scenarios[0]!;
    const width = (ci: [number, number] | null) => ci![1] - ci![0];
    expect(ind.seed).not.toBe(1);
    // Same estimand: the base and variant means agree within their noise; the CRN interval is narrower.
    const w = width(crn.wait_h.difference_ci95);
    const wInd = width(ind.crossings.gate!.wait_h.difference_ci95);
    expect(w).toBeGreaterThan(0);
    console.log(
      `CRN 95 % interval of the wait difference: ${w.toFixed(2)} h wide; independent seeds: ${wInd.toFixed(2)} h`,
    );
    expect(w).toBeLessThan(wInd);
  });

  it('a mistake in a scenario is an issue with a path into the scenario', async () => {
    const bad = { format: 'caravan-scenario/1', name: 'bad', changes: { crossings: { gat: { lanes: 3 } } } };
    const e = await runCompare(base, options({ scenarios: [{ name: 'bad', scenario: bad }] })).catch(
      (x) => x,
    );
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).issues[0]!.path).toBe('scenarios[0].scenario.changes.crossings.gat');
    expect((e as InputError).issues[0]!.message).toContain('did you mean "gate"');
  });
});
