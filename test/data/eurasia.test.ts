import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/model/load.js';
import { figureFields, provenanceOf } from '../../src/model/provenance.js';
import type { NetworkModel } from '../../src/model/schema.js';
import { borderCapacityOn } from '../../src/network/border-capacity.js';
import { nodeIndex } from '../../src/network/lookup.js';
import { caravan, DEFAULT } from '../helpers.js';

const loaded = parseNetwork(readFileSync(DEFAULT, 'utf8'), 'network.yaml');
const model = loaded.model as NetworkModel;

describe('the embedded Eurasia dataset', () => {
  it('validates with no errors and no warnings', () => {
    expect(loaded.issues).toEqual([]);
    expect(model).toBeDefined();
  });

  it('has at least 40 nodes, and the places the corridors are about', () => {
    expect(model.nodes.length).toBeGreaterThanOrEqual(40);
    const nodes = nodeIndex(model);
    const places = [
      "Xi'an",
      'Chongqing',
      'Urumqi',
      'Lianyungang',
      'Shanghai',
      'Dostyk',
      'Altynkol',
      'Almaty',
      'Astana',
      'Karaganda',
      'Moiynty',
      'Aktobe',
      'Petropavl',
      'Saryagash',
      'Aktau',
      'Kuryk',
      'Baku',
      'Alat',
      'Tbilisi',
      'Poti',
      'Batumi',
      'Kars',
      'Brest',
      'Małaszewicze',
      'Duisburg',
      'Hamburg',
      'Łódź',
      'Warsaw',
      'Rotterdam',
    ];
    for (const p of places) expect(nodes.find(p), p).toBeDefined();
  });

  it('every figure carries a source or an estimate, and every cited source is listed', () => {
    const sources = new Set(model.sources.map((s) => s.id));
    const lists = ['units', 'nodes', 'links', 'crossings', 'services', 'demand'] as const;
    let figures = 0;
    for (const list of lists) {
      for (const entry of model[list] as readonly Record<string, unknown>[]) {
        for (const field of figureFields(entry)) {
          const ref = provenanceOf(entry, field);
          expect(ref, `${list} ${String(entry.id ?? '')} ${field}`).toBeDefined();
          if (typeof ref === 'string') expect(sources.has(ref)).toBe(true);
          else if (ref && 'source' in ref) expect(sources.has(ref.source)).toBe(true);
          else expect((ref as { estimate: string }).estimate.length).toBeGreaterThan(10);
          figures++;
        }
      }
    }
    expect(figures).toBeGreaterThan(300);
  });

  it('China–Kazakhstan rail crossings: 28 Mt/yr before the third line, 48 Mt/yr after it opens', () => {
    const third = model.crossings.find((c) => c.mode === 'rail' && /bakhty/i.test(c.name));
    expect(third?.opens).toBe('2028-01-01');
    expect(borderCapacityOn(model, 'CN', 'KZ', 'rail', '2026-06-30')).toBe(28_000_000);
    expect(
      borderCapacityOn(model, 'CN', 'KZ', 'rail', `${Number(third!.opens!.slice(0, 4)) + 1}-06-30`),
    ).toBe(48_000_000);
  });

  it('the road crossings with China include Nur Zholy, Bakhty, Maikapchagai, Kalzhat and Dostyk', () => {
    const country = new Map(model.nodes.map((n) => [n.id, n.country]));
    const road = model.crossings.filter(
      (c) => c.mode === 'road' && [country.get(c.from), country.get(c.to)].sort().join() === 'CN,KZ',
    );
    for (const name of ['Nur Zholy', 'Bakhty', 'Maikapchagai', 'Kalzhat', 'Dostyk']) {
      expect(
        road.some((c) => c.name.includes(name)),
        name,
      ).toBe(true);
    }
  });

  it('every land link and crossing is at least as long as the great circle between its ends, and not implausibly longer', () => {
    // haversine on the mean Earth radius, written out here so the check does not lean on the code under test
    const R = 6371.0088;
    const rad = (d: number) => (d * Math.PI) / 180;
    const at = new Map(model.nodes.map((n) => [n.id, n]));
    const greatCircle = (a: string, b: string) => {
      const p = at.get(a)!;
      const q = at.get(b)!;
      const h =
        Math.sin(rad(q.lat - p.lat) / 2) ** 2 +
        Math.cos(rad(p.lat)) * Math.cos(rad(q.lat)) * Math.sin(rad(q.lon - p.lon) / 2) ** 2;
      return 2 * R * Math.asin(Math.sqrt(h));
    };
    const land = [...model.links, ...model.crossings].filter((e) => e.mode === 'rail' || e.mode === 'road');
    expect(land.length).toBeGreaterThan(90);
    for (const e of land) {
      const g = greatCircle(e.from, e.to);
      const d = e.distance_km ?? 0;
      const name = `${e.id ?? `${e.from}-${e.to}`}: ${d} km for a ${g.toFixed(1)}-km great circle`;
      // 5 km of slack for node positions (a city point for a terminal, ±0.05°)
      expect(d, name).toBeGreaterThanOrEqual(g - 5);
      // a line 1.6 times the great circle or more is a mistake (Kars–Ankara, the most winding, is 1.50)
      expect(d, name).toBeLessThanOrEqual(Math.max(1.6 * g, g + 20));
    }
  });

  it('exports as GeoJSON with coordinates on every feature', () => {
    const r = caravan(['network', 'export', '--format', 'geojson']);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout);
    expect(g.features.length).toBe(
      model.nodes.length + model.links.length + model.crossings.length + model.services.length,
    );
    for (const f of g.features) {
      const coords = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates;
      expect(coords.length).toBeGreaterThan(0);
      for (const [lon, lat] of coords) {
        expect(Math.abs(lon)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      }
    }
  });
});
