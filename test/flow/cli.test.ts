import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caravan } from '../helpers.js';
import { CORRIDORS } from './models.js';

const NET = ['--network', CORRIDORS];

function tmp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-flow-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('caravan assign', () => {
  it('--json prints links and crossings with flow, capacity and utilization, unserved demand, cost and gap', () => {
    const r = caravan(['assign', ...NET, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const key of ['links', 'crossings']) {
      expect(j[key].length).toBeGreaterThan(0);
      for (const row of j[key]) {
        expect(Object.keys(row)).toEqual(
          expect.arrayContaining([
            'id',
            'from',
            'to',
            'flow_t_per_year',
            'capacity_t_per_year',
            'utilization',
          ]),
        );
      }
    }
    expect(j.unserved_t_per_year).toBe(0);
    expect(j.total_cost_usd).toBeGreaterThan(0);
    expect(j.gap).toBeLessThanOrEqual(1e-4);
    const dostyk = j.crossings.find((c: { id: string }) => c.id === 'dostyk-alashankou');
    expect(dostyk.capacity_t_per_year).toBe(20e6);
    expect(dostyk.utilization).toBeCloseTo(dostyk.flow_t_per_year / 20e6, 12);
  });

  it('--method capacity gives shadow prices; the readable table names its units', () => {
    const j = JSON.parse(caravan(['assign', ...NET, '--method', 'capacity', '--json']).stdout);
    expect(
      j.crossings.find((c: { id: string }) => c.id === 'dostyk-alashankou').shadow_price_usd_per_t,
    ).toBeGreaterThan(0);
    expect(j.bottlenecks.by_shadow_price[0].id).toBe('dostyk-alashankou');
    const t = caravan(['assign', ...NET, '--method', 'capacity']);
    expect(t.code).toBe(0);
    for (const unit of [
      'flow_Mt_per_year',
      'capacity_Mt_per_year',
      'utilization_pct',
      'shadow_price_usd_per_t',
    ]) {
      expect(t.stdout).toContain(unit);
    }
    expect(t.stdout).toContain('Bottlenecks by shadow price');
  });

  it('--demand reads a CSV; its mistakes are reported with file and line, exit code 2', () => {
    const good = tmp('demand.csv', 'from,to,t_per_year,cargo\nxian,kars,1000000,containers\n');
    const j = JSON.parse(caravan(['assign', ...NET, '--demand', good, '--json']).stdout);
    expect(j.od).toHaveLength(1);
    expect(j.od[0].served_t_per_year).toBeCloseTo(1e6, 0);
    const bad = tmp('bad.csv', 'from,to,t_per_year\nxian,karz,100\n');
    const r = caravan(['assign', ...NET, '--demand', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:2: demand\[0\]\.to: unknown node "karz" \(did you mean "kars"/);
    expect(r.stderr).not.toContain('    at ');
  });

  it('a bad --method or --modes is an input error with a suggestion', () => {
    const m = caravan(['assign', ...NET, '--method', 'capacty']);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('did you mean "capacity"');
    const modes = caravan(['assign', ...NET, '--modes', 'rail,fery']);
    expect(modes.code).toBe(2);
    expect(modes.stderr).toContain('did you mean "ferry"');
  });
});

describe('caravan resilience', () => {
  it('--json adds the baseline and the differences to the assignment of the reduced network', () => {
    const r = caravan(['resilience', ...NET, '--remove', 'country:RU', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.removed).toEqual(['country:RU']);
    expect(j.unserved_t_per_year).toBeCloseTo(8.5e6, 0);
    expect(j.baseline.unserved_t_per_year).toBeCloseTo(0, 0);
    expect(j.differences.unserved_t_per_year).toBeCloseTo(8.5e6, 0);
    expect(j.crossings.find((c: { id: string }) => c.id === 'kanisay-iletsk')).toBeUndefined();
    expect(
      j.baseline.crossings.find((c: { id: string }) => c.id === 'kanisay-iletsk').flow_t_per_year,
    ).toBeGreaterThan(0);
    expect(
      j.dependency
        .find((d: { id: string }) => d.id === 'cn-tr')
        .transit.map((t: { country: string }) => t.country),
    ).toContain('AZ');
  });

  it('takes several removals at once and prints readable tables', () => {
    const r = caravan(['resilience', ...NET, '--remove', 'crossing:dostyk-alashankou', 'node:aktau']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('removing crossing:dostyk-alashankou, node:aktau');
    expect(r.stdout).toContain('Tonnage by corridor family');
    expect(r.stdout).toContain('Dependency of each flow on transit countries');
  });

  it('bad --remove values exit 2 with a did-you-mean, and nothing on stdout', () => {
    const r = caravan(['resilience', ...NET, '--remove', 'contry:RU', 'crossing:dostyk']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2 errors');
    expect(r.stderr).toContain('did you mean "country"');
    expect(r.stderr).toMatch(/did you mean "dostyk.alashankou"/i);
    const none = caravan(['resilience', ...NET]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--remove');
  });
});

describe('caravan outlook', () => {
  it('--json gives, per year, each crossing’s flow, capacity and utilization', () => {
    const r = caravan(['outlook', ...NET, '--from-year', '2026', '--to-year', '2027', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.years.map((y: { year: number }) => y.year)).toEqual([2026, 2027]);
    for (const y of j.years) {
      for (const c of y.crossings) {
        expect(Object.keys(c)).toEqual(
          expect.arrayContaining(['id', 'flow_t_per_year', 'capacity_t_per_year', 'utilization']),
        );
      }
    }
    const border = (y: number) =>
      j.years
        .find((x: { year: number }) => x.year === y)
        .borders.find((b: { id: string }) => b.id === 'CN-KZ rail');
    expect(border(2026).capacity_t_per_year).toBe(28e6);
    expect(border(2027).capacity_t_per_year).toBe(48e6);
  });

  it('--growth takes a rate or a file of rates', () => {
    const rate = JSON.parse(
      caravan(['outlook', ...NET, '--to-year', '2025', '--growth', '10%', '--json']).stdout,
    );
    expect(rate.years[1].demand_t_per_year).toBeCloseTo(27e6 * 1.1, 0);
    const file = tmp('growth.csv', 'from,to,growth_per_year\nxian,aktogay,0.5\n');
    const byFile = JSON.parse(
      caravan(['outlook', ...NET, '--to-year', '2025', '--growth', file, '--json']).stdout,
    );
    expect(byFile.years[1].demand_t_per_year).toBeCloseTo(15e6 * 1.05 + 12e6 * 1.5, 0);
    const bad = caravan(['outlook', ...NET, '--growth', 'fast']);
    expect(bad.code).toBe(2);
  });

  it('prints the capacity step and the first year of saturation', () => {
    const r = caravan(['outlook', ...NET]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CN-KZ rail\s+28\.0 → 48\.0 \(2027\)/);
    expect(r.stdout).toMatch(/border\s+CN-KZ rail\s+2025/);
    const backwards = caravan(['outlook', ...NET, '--from-year', '2030', '--to-year', '2025']);
    expect(backwards.code).toBe(2);
  });
});
