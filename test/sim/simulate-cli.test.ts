/**
 * `caravan simulate` as a user runs it: byte-identical JSON on one worker or two, the non-stationary
 * flag, the Nur Zholy 24-hour lever, and bad options named at their flag.
 */
import { describe, expect, it } from 'vitest';
import { caravan } from '../helpers.js';

const SHORT = ['--days', '20', '--warmup-days', '5', '--replications', '3'];

describe('caravan simulate', () => {
  it('gives byte-identical JSON with 1 and 2 workers for the same seed, and different JSON for another', () => {
    const one = caravan(['simulate', ...SHORT, '--seed', '7', '--workers', '1', '--json']);
    const two = caravan(['simulate', ...SHORT, '--seed', '7', '--workers', '2', '--json']);
    const other = caravan(['simulate', ...SHORT, '--seed', '8', '--workers', '2', '--json']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(other.stdout).not.toBe(one.stdout);
    const r = JSON.parse(one.stdout);
    expect(r.replications).toBe(3);
    expect(r.seed).toBe(7);
    const dostyk = r.crossings['dostyk-alashankou'];
    expect(Object.keys(dostyk.wait_h)).toEqual(['mean', 'ci95', 'p50', 'p90', 'p95', 'max']);
    expect(dostyk.served).toBe(
      Object.values(dostyk.directions as Record<string, { served: number }>).reduce(
        (s, d) => s + d.served,
        0,
      ),
    );
    expect(r.od['xian->duisburg'].transit_h.mean / 24).toBeGreaterThan(12);
    expect(r.od['xian->duisburg'].delivered).toBeGreaterThan(0);
  }, 120_000);

  it('flags a growing queue as non-stationary and a settled one not; 24-hour operation at Nur Zholy removes the wait', () => {
    const args = ['--days', '30', '--replications', '3', '--json'];
    const base = caravan(['simulate', ...args]);
    expect(base.code, base.stderr).toBe(0);
    const b = JSON.parse(base.stdout);
    // the trucks of the Nur Zholy demand do go through Nur Zholy (routes come from the route planner)
    expect(b.od['khorgos-port->almaty'].route).toContain('nur-zholy');
    const nz = b.crossings['nur-zholy-khorgos'];
    // a settled queue: growth immaterial; the wait is in the e-queue backlog; drivers balk
    expect(nz.non_stationary).toBe(false);
    expect(Math.abs(nz.queue_growth_per_day)).toBeLessThan(0.01 * nz.throughput_per_day);
    expect(nz.balked_share).toBeGreaterThan(0);
    expect(nz.reneged).toBe(0);
    expect(b.appointments).toContain('nur-zholy-khorgos');
    // a growing one: the flag follows the measured growth and its interval (arrived − balked − reneged − cleared)
    for (const c of Object.values(b.crossings) as {
      non_stationary: boolean;
      queue_growth_per_day: number;
      queue_growth_per_day_ci95: [number, number];
      throughput_per_day: number;
    }[]) {
      const [lo, hi] = c.queue_growth_per_day_ci95;
      const material =
        Math.abs(c.queue_growth_per_day) > 0.5 &&
        Math.abs(c.queue_growth_per_day) > 0.01 * c.throughput_per_day;
      expect(c.non_stationary).toBe(material && (lo > 0 || hi < 0));
    }

    const h24 = caravan([
      'simulate',
      '--scenario',
      'data/eurasia/scenarios/nur-zholy-24h.yaml',
      '--crossing',
      'nur-zholy-khorgos',
      ...args,
    ]);
    expect(h24.code, h24.stderr).toBe(0);
    const s = JSON.parse(h24.stdout);
    expect(s.scenario).toBe('Nur Zholy 24-hour operation');
    const n24 = s.crossings['nur-zholy-khorgos'];
    // the calibrated direction, into Kazakhstan: its wait is the e-queue backlog, which 24-hour working clears
    const inbound = 'khorgos-port->nur-zholy';
    // (to hours: the loaded network then sends more trucks there, ≈ 87 % of its 24-hour capacity)
    expect(nz.directions[inbound].wait_h.mean).toBeGreaterThan(10 * 24);
    expect(n24.directions[inbound].wait_h.mean).toBeLessThan(12);
    expect(n24.non_stationary).toBe(false);
    expect(n24.balked).toBe(0);
    expect(n24.throughput_per_day).toBeGreaterThan(nz.throughput_per_day * 1.3);
  }, 240_000);

  it('names a bad option at its flag, with a suggestion for a crossing', () => {
    const days = caravan(['simulate', '--days', 'ten']);
    expect(days.code).toBe(2);
    expect(days.stderr).toContain('--days');
    const warmup = caravan(['simulate', '--days', '10', '--warmup-days', '12']);
    expect(warmup.code).toBe(2);
    expect(warmup.stderr).toContain('--warmup-days');
    const replications = caravan(['simulate', '--replications', '2.5']);
    expect(replications.code).toBe(2);
    expect(replications.stderr).toContain('--replications');
    const crossing = caravan(['simulate', '--crossing', 'nur-zholy-khorgo']);
    expect(crossing.code).toBe(2);
    expect(crossing.stderr).toContain('--crossing');
    expect(crossing.stderr).toContain('did you mean');
  });

  it('prints a table with units in its headers, and no progress bar when not on a terminal', () => {
    const r = caravan(['simulate', ...SHORT, '--crossing', 'dostyk-alashankou']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Simulated 3 replications of 20 days/);
    const header = lines.find((l) => l.startsWith('crossing'))!;
    for (const h of ['wait_h', 'wait_95%CI_h', 'P90_wait_h', 'TFI1_h', 'cleared_per_day', 'queue_max'])
      expect(header).toContain(h);
    expect(r.stdout).toContain('transit_days');
    expect(r.stdout).toContain('Dostyk–Alashankou');
  }, 120_000);
});
