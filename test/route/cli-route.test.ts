import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caravan } from '../helpers.js';
import { CORRIDORS } from './corridors.js';

const base = ['route', '--network', CORRIDORS, '--date', '2026-06-01'];

describe('caravan route', () => {
  it('prints the Pareto routes like a quote, then the best route leg by leg, its border indicators and profile', () => {
    const r = caravan([...base, '--from', "Xi'an", '--to', 'Duisburg']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/#\s+route\s+modes\s+days\s+P90_days\s+USD_per_FEU\s+kg_CO2e\s+km\s+borders/);
    expect(out).toMatch(
      /1\*\s+Northern via Dostyk and Brest\s+rail\s+\d+\.\d\s+\d+\.\d\s+[\d,]+\s+[\d,]+\s+9,584\s+4/,
    );
    expect(out).toContain('Middle Corridor via Altynkol, Aktau and Kapıkule');
    expect(out).toContain('Sea via Suez Canal');
    expect(out).toContain('avoids RU, BY');
    expect(out).toContain('Best by expected time: Northern via Dostyk and Brest');
    expect(out).toMatch(/Brest–Małaszewicze\s+rail crossing/);
    expect(out).toMatch(/TFI1_h\s+TFI2_USD/);
    expect(out).toMatch(/Speed without delay \(SWOD\) [\d.]+ km\/h, with delay \(SWD\) [\d.]+ km\/h/);
    expect(out).toContain('Time–distance profile (UNESCAP)');
    expect(out).toMatch(/\+-{64}/);
  });

  it('--json gives routes with nodes, legs, totals, countries and borders', () => {
    const r = caravan([...base, '--from', 'xian', '--to', 'duisburg', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.routes.length).toBeGreaterThanOrEqual(3);
    for (const route of j.routes) {
      expect(route).toEqual(
        expect.objectContaining({
          nodes: expect.any(Array),
          legs: expect.any(Array),
          distance_km: expect.any(Number),
          time_h: expect.objectContaining({ expected: expect.any(Number), p90: expect.any(Number) }),
          cost_usd: expect.any(Number),
          co2e_kg: expect.any(Number),
          countries: expect.any(Array),
          borders: expect.any(Number),
        }),
      );
      expect(route.nodes[0]).toBe('xian');
      expect(route.nodes.at(-1)).toBe('duisburg');
      for (const leg of route.legs) {
        expect(Object.keys(leg)).toEqual(
          expect.arrayContaining([
            'from',
            'to',
            'mode',
            'kind',
            'distance_km',
            'time_h',
            'cost_usd',
            'co2e_kg',
          ]),
        );
        expect(['link', 'crossing', 'service', 'transshipment']).toContain(leg.kind);
      }
    }
    expect(j.routes[j.best].label).toBe('Northern via Dostyk and Brest');
    expect(j.routes[0].countries).toEqual(['CN', 'KZ', 'RU', 'BY', 'PL', 'DE']);
    expect(j.unit).toEqual({ id: 'feu', t: 24 });
  });

  it('a place name with a typo gets a suggestion and exit code 2', () => {
    const r = caravan([...base, '--from', 'Xain', '--to', 'Duisberg']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--from: unknown node "Xain" (did you mean "Xi'an"`);
    expect(r.stderr).toMatch(/--to: unknown node "Duisberg" \(did you mean .*"Duisburg"/);
  });

  it('every bad option value is reported at once, at its flag', () => {
    const r = caravan([
      ...base.slice(0, 3),
      '--from',
      'xian',
      '--to',
      'duisburg',
      '--optimize',
      'fastest',
      '--modes',
      'rail,plane',
      '--avoid-country',
      'XX',
      '--avoid',
      'Dostyk–Alashankuo',
      '--date',
      '2027-13-01',
      '--max-transshipments',
      'two',
      '--unit',
      'fue',
    ]);
    expect(r.code).toBe(2);
    for (const flag of [
      '--optimize',
      '--modes',
      '--avoid-country',
      '--avoid',
      '--date',
      '--max-transshipments',
    ]) {
      expect(r.stderr).toMatch(new RegExp(`^  ${flag}: `, 'm'));
    }
    expect(r.stderr).toMatch(/--avoid: .*\(did you mean .*"Dostyk–Alashankou"/);
    const unit = caravan([...base, '--from', 'xian', '--to', 'duisburg', '--unit', 'fue']);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('--unit: unknown unit "fue" (did you mean "feu"?)');
  });

  it('--avoid takes names; --avoid-country removes whole countries; --unit rescales money', () => {
    const j = (args: string[]) =>
      JSON.parse(caravan([...base, '--from', 'xian', '--to', 'duisburg', '--json', ...args]).stdout);
    const noDostyk = j(['--avoid', 'Dostyk–Alashankou']);
    for (const r of noDostyk.routes)
      expect(r.legs.map((l: { id: string }) => l.id)).not.toContain('dostyk-alashankou');
    const noRu = j(['--avoid-country', 'RU,Belarus']);
    for (const r of noRu.routes) expect(r.countries).not.toEqual(expect.arrayContaining(['RU']));
    for (const r of noRu.routes) expect(r.countries).not.toEqual(expect.arrayContaining(['BY']));
    const perT = j(['--unit', 't']);
    const perTruck = j(['--unit', 'truck']);
    expect(perTruck.routes[0].cost_usd).toBeCloseTo(perT.routes[0].cost_usd * 20, 0);
  });

  it('--waits reads the JSON of `caravan simulate --json` and uses its waits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caravan-route-'));
    const file = join(dir, 'sim.json');
    writeFileSync(
      file,
      JSON.stringify({
        replications: 10,
        crossings: {
          'brest-malaszewicze': { wait_h: { mean: 72, p50: 60, p90: 140, p95: 170, ci95: [66, 78] } },
        },
      }),
    );
    const r = caravan([...base, '--from', 'xian', '--to', 'duisburg', '--json', '--waits', file]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const brest = j.routes[j.best].legs.find((l: { id: string }) => l.id === 'brest-malaszewicze');
    expect(brest.wait_h).toBe(72);
    expect(brest.wait_source).toBe('simulated');
    expect(j.waits.source).toBe('analytic+simulated');
    const missing = caravan([
      ...base,
      '--from',
      'xian',
      '--to',
      'duisburg',
      '--waits',
      join(dir, 'nope.json'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--waits: no such file/);
  });

  it('--date switches the Bakhty–Tacheng line on from its opening in 2027', () => {
    const ids = (date: string) =>
      JSON.parse(
        caravan([
          'route',
          '--network',
          CORRIDORS,
          '--from',
          'Karamay',
          '--to',
          'Aktogay',
          '--date',
          date,
          '--json',
        ]).stdout,
      ).routes.flatMap((r: { legs: { id: string }[] }) => r.legs.map((l) => l.id));
    expect(ids('2026-12-31')).not.toContain('bakhty-tacheng');
    expect(ids('2027-07-01')).toContain('bakhty-tacheng');
  });
});
