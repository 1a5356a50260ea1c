/**
 * The corridors and crossings added for issue 10, against their sources: the lines under
 * construction open on the day after the year their latest source gives for completion (KTZ via
 * Trend, 17 Sep 2025: the Almaty bypass 2024–2025, Kyzylzhar–Moiynty 2025–2026; the Transport
 * Minister via BAQ.kz, 25 Nov 2025: Darbaza–Maktaaral in 2026) or on the first day of the year
 * given for commercial operation (Railway Gazette, 7 Jan 2025: China–Kyrgyzstan–Uzbekistan, 2030);
 * their lengths are the sourced ones; the southern route, Uzbekistan onward from Tashkent, the
 * Belarus–Poland crossings and the Türkiye–Balkans crossings carry routes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/model/load.js';
import type { NetworkModel } from '../../src/model/schema.js';
import { caravan, DEFAULT } from '../helpers.js';

const model = parseNetwork(readFileSync(DEFAULT, 'utf8'), 'network.yaml').model as NetworkModel;

interface Leg {
  readonly id: string;
  readonly kind: string;
  readonly distance_km: number;
  readonly wait_h: number;
}
interface RouteRow {
  readonly label: string;
  readonly legs: readonly Leg[];
  readonly distance_km: number;
  readonly time_h: { readonly expected: number };
}

function routes(from: string, to: string, date: string, ...extra: string[]): RouteRow[] {
  const r = caravan(['route', '--from', from, '--to', to, '--date', date, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).routes as RouteRow[];
}
const uses = (rows: readonly RouteRow[], id: string) => rows.some((r) => r.legs.some((l) => l.id === id));
const link = (id: string) => {
  const l = model.links.find((x) => (x.id ?? `${x.from}-${x.to}-${x.mode}`) === id);
  expect(l, id).toBeDefined();
  return l!;
};
/** The day before a date, as text. */
const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('lines under construction, dated from their latest source', () => {
  // [link, year the source gives, whether that year is the completion (open the next day) or the first year of service, route]
  const lines = [
    { id: 'zhetygen-kazybek-bek-rail', year: 2025, completion: true, km: 75, from: 'altynkol', to: 'shu' },
    {
      id: 'moiynty-kyzylzhar-rail',
      year: 2026,
      completion: true,
      km: 329,
      from: 'moiynty',
      to: 'zhezkazgan',
    },
    {
      id: 'darbaza-maktaaral-rail',
      year: 2026,
      completion: true,
      km: 152,
      from: 'shymkent',
      to: 'maktaaral',
    },
    { id: 'kashgar-torugart-rail', year: 2030, completion: false, km: 213, from: 'kashgar', to: 'andijan' },
  ] as const;

  for (const line of lines) {
    const opens = `${line.completion ? line.year + 1 : line.year}-01-01`;
    it(`${line.id}: ${line.km} km, opens ${opens}, absent the day before`, () => {
      const l = link(line.id);
      expect(l.distance_km).toBe(line.km);
      expect(l.opens).toBe(opens);
      const before = routes(line.from, line.to, dayBefore(opens));
      const after = routes(line.from, line.to, opens);
      expect(uses(before, line.id)).toBe(false);
      expect(uses(after, line.id)).toBe(true);
      // a new line is built to shorten the way: the shortest route gets shorter the day it opens
      const shortest = (rows: readonly RouteRow[]) => Math.min(...rows.map((r) => r.distance_km));
      if (before.length > 0) expect(shortest(after)).toBeLessThan(shortest(before));
    });
  }

  it('the China–Kyrgyzstan–Uzbekistan railway is 523 km from Kashgar to Andijan, 344 of them standard gauge', () => {
    // Railway Gazette: 213 km in China, 344 km of standard gauge to Makmal, 523 km in all (±10 % for the
    // estimated Makmal–Andijan part, whose sourced split is 260 km in Kyrgyzstan and 50 km in Uzbekistan)
    const r = routes('kashgar', 'andijan', '2030-01-01')[0]!;
    const km = (ids: readonly string[]) =>
      r.legs.filter((l) => ids.includes(l.id)).reduce((s, l) => s + l.distance_km, 0);
    expect(km(['kashgar-torugart-rail', 'torugart-makmal'])).toBe(344);
    expect(Math.abs(r.distance_km / 523 - 1)).toBeLessThan(0.1);
  });
});

describe('the southern route and Uzbekistan onward', () => {
  it('Kazakhstan–Turkmenistan–Iran: Uzen to Gorgan within 5 % of the 908–928 km reported, through Bolashak–Serhetyaka and Etrek', () => {
    const r = routes('uzen', 'gorgan', '2026-07-01')[0]!;
    expect(r.label).toMatch(/^Southern/);
    expect(r.distance_km).toBeGreaterThan(908 * 0.95);
    expect(r.distance_km).toBeLessThan(928 * 1.05);
    const ids = r.legs.map((l) => l.id);
    expect(ids).toContain('bolashak-serhetyaka');
    expect(ids).toContain('etrek-inche-burun');
  });

  it('Tashkent is no longer a dead end: it reaches the Caspian through Bukhara, Farap and Türkmenbaşy', () => {
    const rows = routes('tashkent', 'alat', '2026-07-01', '--modes', 'rail,ferry,sea');
    expect(uses(rows, 'khodzhadavlet-farap')).toBe(true);
    expect(uses(rows, 'ferry-turkmenbashi-alat')).toBe(true);
    // Tashkent–Samarkand 344 km + Samarkand–Bukhara 256 km (Wikipedia), split at Syrdaryo for the Syrdarya junction
    expect(link('tashkent-syrdarya-rail').distance_km + link('syrdarya-bukhara-rail').distance_km).toBe(
      344 + 256,
    );
  });

  it('the Darbaza–Maktaaral line goes on into Uzbekistan at the Syrdarya junction, 10 train pairs a day, from its opening', () => {
    // Ministry of Transport of Kazakhstan via Trend, 24 Feb 2026: Saryagash 36 train pairs a day, the Syrdarya
    // junction 10 once the Darbaza–Maktaaral line is complete (the line opens 2027-01-01, above)
    const TRAIN_T = 2_500; // a freight train's net load (SOURCES.md E5)
    const pairs = (id: string) =>
      model.crossings.find((c) => c.id === id)!.capacity_t_per_year! / (2 * 365 * TRAIN_T);
    expect(pairs('saryagash-keles')).toBeCloseTo(36, 6);
    expect(pairs('maktaaral-syrdarya')).toBeCloseTo(10, 6);
    expect(uses(routes('shymkent', 'bukhara', '2026-12-31'), 'maktaaral-syrdarya')).toBe(false);
    const after = routes('shymkent', 'bukhara', '2027-01-01');
    expect(uses(after, 'maktaaral-syrdarya')).toBe(true);
    // it bypasses Saryagash and the Tashkent junction
    const via = after.find((r) => r.legs.some((l) => l.id === 'maktaaral-syrdarya'))!;
    expect(via.legs.some((l) => l.id === 'saryagash-keles' || l.id === 'tashkent-syrdarya-rail')).toBe(false);
  });

  it('Türkmenbaşy–Alat rail ferries: the sailings of Jan–May 2023 less the Turkmen Ro-Pax voyages', () => {
    // News Central Asia, 19 Jun 2023: 214 vessels sailed Türkmenbaşy → Baku in Jan–May 2023 (151 days),
    // 70 of them the Ro-Pax ferries Berkarar and Bagtyyar
    const perWeek = ((214 - 70) / 151) * 7;
    const ferry = model.services.find((s) => s.id === 'ferry-turkmenbashi-alat')!;
    expect(ferry.departures_per_week).toBe(Math.round(perWeek));
  });
});

describe('Belarus–Poland and Türkiye–Balkans crossings', () => {
  it('Bruzgi–Kuźnica and Svislach–Siemianówka take four trains a day in each direction (PKP Cargo, 2018) and carry Minsk → Warsaw routes', () => {
    // four container trains of the `train` unit a day in each direction, both directions together
    const trainT = model.units.find((u) => u.id === 'train')!.t;
    for (const id of ['bruzgi-kuznica', 'svisloch-siemianowka']) {
      expect(model.crossings.find((c) => c.id === id)?.capacity_t_per_year, id).toBe(4 * 2 * 365 * trainT);
    }
    const rows = routes('minsk', 'warsaw', '2026-07-01');
    expect(uses(rows, 'bruzgi-kuznica') || uses(rows, 'svisloch-siemianowka')).toBe(true);
  });

  it('the Middle Corridor through Türkiye waits for the Marmaray night window and clears Kapıkule and Kelebia', () => {
    const rows = routes('xian', 'duisburg', '2026-07-01');
    const turkey = rows.filter((r) => r.legs.some((l) => l.id === 'akhalkalaki-kars'));
    expect(turkey.length).toBeGreaterThan(0);
    for (const r of turkey) {
      const ids = r.legs.map((l) => l.id);
      expect(ids).toContain('kapikule-svilengrad');
      expect(ids).toContain('subotica-kelebia');
      // one window a night (00:00–05:00, railturkey.org 2019) is one departure a day: half a day's wait on average
      const marmaray = r.legs.find((l) => l.id === 'marmaray-freight');
      expect(marmaray).toBeDefined();
      expect(marmaray!.wait_h).toBeGreaterThanOrEqual(12 - 0.5);
    }
  });
});
