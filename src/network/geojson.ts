/**
 * The network as GeoJSON for any GIS: nodes as Points, links, crossings and services as
 * LineStrings between their end nodes, with their fields as properties.
 */
import type { NetworkModel } from '../model/schema.js';

type Position = [number, number];
export interface Feature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry:
    | { type: 'Point'; coordinates: Position }
    | { type: 'LineString'; coordinates: Position[] };
  readonly properties: Record<string, unknown>;
}
export interface FeatureCollection {
  readonly type: 'FeatureCollection';
  readonly name?: string;
  readonly features: Feature[];
}

function plain(entry: object): Record<string, unknown> {
  const { provenance: _p, ...rest } = entry as Record<string, unknown>;
  return rest;
}

export function toGeoJSON(model: NetworkModel): FeatureCollection {
  const at = new Map(model.nodes.map((n) => [n.id, [n.lon, n.lat] as Position]));
  const features: Feature[] = model.nodes.map((n) => ({
    type: 'Feature',
    id: `node:${n.id}`,
    geometry: { type: 'Point', coordinates: [n.lon, n.lat] },
    properties: { feature: 'node', ...plain(n) },
  }));
  const edges = [
    ...model.links.map((e) => ({ feature: 'link', e })),
    ...model.crossings.map((e) => ({ feature: 'crossing', e })),
    ...model.services.map((e) => ({ feature: 'service', e })),
  ];
  for (const { feature, e } of edges) {
    features.push({
      type: 'Feature',
      id: `${feature}:${e.id}`,
      geometry: { type: 'LineString', coordinates: [at.get(e.from)!, at.get(e.to)!] },
      properties: { feature, ...plain(e) },
    });
  }
  return { type: 'FeatureCollection', ...(model.name ? { name: model.name } : {}), features };
}
