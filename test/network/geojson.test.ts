import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../../src/model/validate.js';
import { toGeoJSON } from '../../src/network/geojson.js';
import { mini } from '../helpers.js';

describe('toGeoJSON', () => {
  it('has a Point per node and a LineString per link, crossing and service, ends at the node coordinates', () => {
    const m = validateNetwork(mini()).model!;
    const g = JSON.parse(JSON.stringify(toGeoJSON(m)));
    expect(g.type).toBe('FeatureCollection');
    expect(g.features).toHaveLength(5 + 2 + 1 + 1);
    const at = Object.fromEntries(m.nodes.map((n) => [n.id, [n.lon, n.lat]]));
    for (const f of g.features) {
      if (f.properties.feature === 'node') {
        expect(f.geometry).toEqual({ type: 'Point', coordinates: at[f.properties.id] });
      } else {
        expect(f.geometry.type).toBe('LineString');
        expect(f.geometry.coordinates).toEqual([at[f.properties.from], at[f.properties.to]]);
        expect(f.properties).toHaveProperty('mode');
      }
    }
    const link = g.features.find((f: { id: string }) => f.id === 'link:alpha-gate-road');
    expect(link.properties).toMatchObject({ from: 'alpha', to: 'alpha-gate', mode: 'road', distance_km: 60 });
  });
});
