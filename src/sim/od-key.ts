/**
 * The key of an origin–destination pair in a simulation's results: `<from>-><to>`, or
 * `<from>-><to>:<unit>` for a pair's consignments of a second unit (a demand split over rail and
 * road), counted apart so that a count never adds trains to trucks.
 */

/** The places of an `od` key and, for a second unit's entry, that unit. */
export function odPlaces(key: string): { from: string; to: string; unit?: string } {
  const [from, rest = ''] = key.split('->') as [string, string?];
  const colon = rest.indexOf(':');
  return colon < 0 ? { from, to: rest } : { from, to: rest.slice(0, colon), unit: rest.slice(colon + 1) };
}
