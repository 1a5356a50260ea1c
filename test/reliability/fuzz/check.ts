/**
 * What every fuzzed input must give: a list of well-formed issues, or a valid model on which the
 * analyses return a result or an InputError — never another error, a hang or a crash.
 */
import { expect } from 'vitest';
import { assignFlows } from '../../../src/flow/assignment.js';
import { demandMatrix } from '../../../src/flow/demand.js';
import { buildFlowGraph } from '../../../src/flow/flow-graph.js';
import { formatIssue, InputError, type Issue } from '../../../src/model/issue.js';
import type { NetworkModel } from '../../../src/model/schema.js';
import { compileNetwork, dayNumber } from '../../../src/network/compile.js';
import { planRoutes } from '../../../src/route/plan.js';
import { simulate } from '../../../src/sim/simulate.js';

/** Limits that keep each fuzzed analysis small (a user's own runs keep the defaults). */
export const FUZZ_LIMITS = {
  units_simulated: 20_000,
  events_pending: 20_000,
  replication_days: 100,
  outlook_years: 20,
  job_seconds: Number.POSITIVE_INFINITY,
};

/** Every issue has a code, a path, a message a person can read and a severity. */
export function expectIssueList(issues: readonly Issue[]): void {
  expect(Array.isArray(issues)).toBe(true);
  for (const i of issues) {
    expect(i.code).toMatch(/^[a-z][a-z_]+$/);
    expect(typeof i.path).toBe('string');
    expect(typeof i.message).toBe('string');
    expect(i.message.length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(i.severity);
    if (i.line !== undefined) expect(i.line).toBeGreaterThanOrEqual(1);
    const line = formatIssue(i);
    const control = [...line].find((c) => (c.charCodeAt(0) < 0x20 && c !== '\t') || c === '\u007f');
    expect(control, line).toBeUndefined();
    expect(line).not.toMatch(/bug in Caravan|Maximum call stack|undefined is not|Cannot read prop/);
  }
}

/** Runs `f`; an InputError with well-formed issues is a fine answer, anything else thrown is a failure. */
export async function resultOrIssues<T>(f: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof InputError) {
      expect(e.issues.length).toBeGreaterThan(0);
      expectIssueList(e.issues);
      return undefined;
    }
    throw e;
  }
}

/** The analyses a user runs on a valid network, kept small: each returns a result or issues. */
export async function exercise(model: NetworkModel, options: { simulate?: boolean; assign?: boolean } = {}) {
  const net = compileNetwork(model);
  const d = model.demand[0];
  const from = d?.from ?? model.nodes[0]?.id;
  const to = d?.to ?? model.nodes[model.nodes.length - 1]?.id;
  if (from !== undefined && to !== undefined) {
    const plan = await resultOrIssues(() => planRoutes(net, from, to, { date: '2026-01-01' }));
    if (plan) JSON.stringify(plan);
  }
  if (options.simulate !== false) {
    const result = await resultOrIssues(() =>
      simulate(model, { days: 2, warmupDays: 0.5, drainDays: 1, replications: 1, workers: 1 }),
    );
    if (result) JSON.stringify(result);
  }
  if (options.assign !== false && model.demand.length > 0) {
    const demand = await resultOrIssues(() => demandMatrix(model));
    if (demand && demand.length > 0) {
      const graph = buildFlowGraph(net, { day: dayNumber('2026-07-01') });
      await resultOrIssues(() =>
        assignFlows(graph, demand, { method: 'equilibrium', maxGap: 1e-2, maxIterations: 50 }),
      );
    }
  }
}
