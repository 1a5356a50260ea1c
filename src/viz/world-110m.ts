/** Natural Earth 1:110m country outlines (world-atlas), for the overview map. Packaged: no network. */
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json' with { type: 'json' };
import { type CountryOutline, countryOutlines } from './atlas.js';

let cached: CountryOutline[] | undefined;

/** The 1:110m country outlines (parsed once). */
export function world110m(): readonly CountryOutline[] {
  cached ??= countryOutlines(countries as unknown as Topology);
  return cached;
}
