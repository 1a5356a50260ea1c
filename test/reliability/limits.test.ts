/** The limits: values read from settings, sizes checked against hand-computed figures. */
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/issue.js';
import {
  checkLimit,
  checkSimulationLimits,
  configureLimits,
  currentLimits,
  DEFAULT_LIMITS,
  formatBytes,
  LIMIT_NAMES,
  LIMITS,
  networkSizeIssues,
  parseLimitSettings,
  parseLimitValue,
  suggestedLimit,
} from '../../src/model/limits.js';
import { parseNetwork } from '../../src/model/load.js';
import { simulate } from '../../src/sim/simulate.js';
import { mini } from '../helpers.js';

afterEach(() => configureLimits({}));

function issuesOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  return [];
}

describe('limit settings', () => {
  it('every limit has a positive default and a description', () => {
    for (const name of LIMIT_NAMES) {
      expect(DEFAULT_LIMITS[name]).toBeGreaterThan(0);
      expect(LIMITS[name].what.length).toBeGreaterThan(10);
    }
  });

  it('reads numbers with multipliers, and "unlimited"', () => {
    expect(parseLimitValue('10000')).toBe(10_000);
    expect(parseLimitValue('10_000')).toBe(10_000);
    expect(parseLimitValue('1e6')).toBe(1_000_000);
    expect(parseLimitValue('16MiB')).toBe(16 * 1024 * 1024);
    expect(parseLimitValue('16MB')).toBe(16_000_000);
    expect(parseLimitValue('2.5k')).toBe(2500);
    expect(parseLimitValue('unlimited')).toBe(Number.POSITIVE_INFINITY);
    for (const bad of ['', 'abc', '-5', '0', '5 parsecs', '1e999', 'NaN'])
      expect(parseLimitValue(bad)).toBeUndefined();
  });

  it('name=value settings; unknown names and bad values are issues at --limit, with a suggestion', () => {
    expect(parseLimitSettings(['nodes=10', 'file-bytes=1MiB'])).toEqual({ nodes: 10, file_bytes: 1024 ** 2 });
    const issues = issuesOf(() => parseLimitSettings(['nodez=10', 'links=many', 'crossings']));
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'invalid_option --limit',
      'invalid_option --limit',
      'invalid_option --limit',
    ]);
    expect(issues[0]!.message).toContain('did you mean "nodes"');
  });

  it('configured limits apply until reconfigured; explicit ones win', () => {
    configureLimits({ values: { nodes: 7 } });
    expect(currentLimits().nodes).toBe(7);
    expect(currentLimits({ nodes: 9 }).nodes).toBe(9);
    expect(currentLimits().links).toBe(DEFAULT_LIMITS.links);
    configureLimits({});
    expect(currentLimits().nodes).toBe(DEFAULT_LIMITS.nodes);
  });

  it('suggests a value that allows the request, rounded up', () => {
    expect(suggestedLimit('units_simulated', 123_456_789)).toBe('130000000');
    expect(suggestedLimit('nodes', 39)).toBe('39');
    expect(suggestedLimit('file_bytes', 57.2 * 1024 ** 2)).toBe('58MiB');
    expect(formatBytes(4 * 1024 ** 2)).toBe('4 MiB');
    expect(formatBytes(512)).toBe('512 bytes');
  });

  it('an issue over a limit names it, its value, what was asked and how to raise it', () => {
    configureLimits({ raise: (name, value) => `use --limit ${name}=${value}` });
    const [i] = issuesOf(() => checkLimit('outlook_years', 150, 'years in the outlook'));
    expect(i).toMatchObject({ code: 'limit_exceeded', path: 'limits.outlook_years', severity: 'error' });
    expect(i!.message).toBe(
      'years in the outlook: 150 years, over the limit outlook_years = 100 years: use --limit outlook_years=150',
    );
    expect(issuesOf(() => checkLimit('outlook_years', 100, 'years'))).toEqual([]);
  });
});

describe('network size', () => {
  it('counts each list against its limit, before validation', () => {
    const data = { nodes: Array(11), links: Array(3), demand: Array(5) };
    const issues = networkSizeIssues(data, { nodes: 10, demands: 5 });
    expect(issues.map((i) => i.path)).toEqual(['limits.nodes']);
    expect(issues[0]!.message).toContain('11 nodes');
  });

  it('a network over a limit is refused with the line of its list', () => {
    const text = 'format: caravan/1\nname: x\nnodes:\n  - {}\n  - {}\n  - {}\n';
    const r = parseNetwork(text, 'n.yaml', { nodes: 2 });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      code: 'limit_exceeded',
      path: 'limits.nodes',
      file: 'n.yaml',
      line: 4,
    });
  });
});

describe('simulation size, computed from the demand and options before running', () => {
  // 40 trucks a day on the mini network, consignments of one truck (the route's largest unit).
  const plan = (days: number, drain: number) => ({
    end_h: days * 24,
    drain_h: drain * 24,
    demands: [{ lotsPerHour: 40 / 24 }],
  });

  it('units simulated = rate × (days + drain) × replications', () => {
    // 40/day × (10 + 5) days × 20 replications = 12,000 consignments.
    expect(issuesOf(() => checkSimulationLimits(plan(10, 5), 20, { units_simulated: 12_000 }))).toEqual([]);
    const over = issuesOf(() => checkSimulationLimits(plan(10, 5), 20, { units_simulated: 11_999 }));
    expect(over.map((i) => i.path)).toEqual(['limits.units_simulated']);
    expect(over[0]!.message).toContain('12,000 consignments');
  });

  it('events pending are bounded by the consignments of one replication', () => {
    // 40/day × 15 days = 600 in one replication.
    expect(issuesOf(() => checkSimulationLimits(plan(10, 5), 1, { events_pending: 600 }))).toEqual([]);
    const over = issuesOf(() => checkSimulationLimits(plan(10, 5), 1, { events_pending: 599 }));
    expect(over.map((i) => i.path)).toEqual(['limits.events_pending']);
  });

  it('replications × days simulated', () => {
    const over = issuesOf(() => checkSimulationLimits(plan(10, 5), 100, { replication_days: 1499 }));
    expect(over.map((i) => i.path)).toEqual(['limits.replication_days']);
    expect(over[0]!.message).toContain('1,500 replication-days');
  });

  it('simulate() checks before it runs: an absurd request fails at once', async () => {
    const data = mini();
    data.demand[0].units_per_day = 100_000;
    // drivers who give up at the gate: the trucks the network cannot carry still set off
    data.crossings[0].drivers = { balk_above_wait: '1d' };
    const model = parseNetwork(JSON.stringify(data)).model!;
    const start = Date.now();
    await expect(simulate(model, { days: 60, replications: 20, workers: 1 })).rejects.toMatchObject({
      issues: [{ path: 'limits.events_pending' }, { path: 'limits.units_simulated' }],
    });
    expect(Date.now() - start).toBeLessThan(5_000);
  });
});
