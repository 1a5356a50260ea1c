/**
 * Natural Earth 1:50m country outlines (world-atlas), for close-ups. A module of its own so that a
 * bundler loads its 0.7 MB only when a close-up is drawn (`await import('./world-50m.js')`).
 */
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json' with { type: 'json' };
import { type CountryOutline, countryOutlines } from './atlas.js';

let cached: CountryOutline[] | undefined;

/** The 1:50m country outlines (parsed once). */
export function world50m(): readonly CountryOutline[] {
  cached ??= countryOutlines(countries as unknown as Topology);
  return cached;
}
