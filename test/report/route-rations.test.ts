/**
 * The rations compare names beside its route comparison (text notes and the HTML report's caption),
 * from hand-made best routes: each crossing or shared capacity named once, with the sides it is
 * rationed on and its ration on each.
 */
import { describe, expect, it } from 'vitest';
import { type RouteSideJson, rationedCrossings, sharedRations } from '../../src/report/route-rations.js';
import { fixtureModel } from '../flow/models.js';
import { MINI } from '../helpers.js';

const model = fixtureModel(MINI);

function route(
  rationed: string[],
  shared: { kind: 'link' | 'crossing' | 'service'; id: string; delay_h: number }[],
): RouteSideJson {
  return {
    label: 'a route',
    time_h: 10,
    p90_h: 12,
    cost_usd: 100,
    co2e_kg: 50,
    distance_km: 300,
    countries: ['CN', 'KZ'],
    rationed,
    shared_rations: shared,
    profile: [],
  };
}

describe('the rations on compare’s best routes', () => {
  it('names each rationed crossing once, by name, with the sides it is rationed on', () => {
    const base = [route(['gate'], []), route(['gate', 'elsewhere'], []), null];
    const scenario = [route([], []), route(['elsewhere'], [])];
    expect(rationedCrossings(model, base, scenario)).toEqual([
      'Alpha–Beta gate (base)',
      'elsewhere (base and scenario)',
    ]);
    expect(rationedCrossings(model, [route([], [])], [route(['gate'], [])])).toEqual([
      'Alpha–Beta gate (scenario)',
    ]);
    expect(rationedCrossings(model, [null], [null])).toEqual([]);
  });

  it('gives each shared ration on either side in whole hours, "none" on a side without it; only a crossing is named by the crossing index', () => {
    const base = [route([], [{ kind: 'crossing', id: 'gate', delay_h: 304.2 }])];
    const scenario = [
      route([], [{ kind: 'crossing', id: 'gate', delay_h: 12.5 }]),
      route([], [{ kind: 'link', id: 'gate', delay_h: 7.49 }]),
    ];
    expect(sharedRations(model, base, scenario)).toEqual([
      'Alpha–Beta gate (base 304 h, scenario 13 h)',
      'gate (base none, scenario 7 h)',
    ]);
  });
});
