/**
 * Country outlines from a Natural Earth TopoJSON (the `world-atlas` package): features with their
 * ISO 3166-1 numeric id and name, ready to project.
 */
import type { Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface CountryOutline {
  /** ISO 3166-1 numeric code as Natural Earth writes it, e.g. "398" for Kazakhstan. */
  readonly id: string;
  readonly name: string;
  readonly geometry: Geometry;
}

/** The countries of a world-atlas topology (object `countries`). */
export function countryOutlines(topology: Topology, objectName = 'countries'): CountryOutline[] {
  const object = topology.objects[objectName];
  if (object?.type !== 'GeometryCollection') {
    throw new Error(`countryOutlines: the topology has no geometry collection "${objectName}"`);
  }
  const fc = feature(topology, object as GeometryCollection<{ name?: string }>);
  return fc.features
    .filter((f) => f.geometry !== null)
    .map((f) => ({
      id: String(f.id ?? ''),
      name: String((f.properties as { name?: string } | null)?.name ?? ''),
      geometry: f.geometry as Geometry,
    }));
}
