/** A hand-made route for indicator tests: every figure chosen so that the indicators can be worked out by hand. */
import type { Route, RouteLeg } from '../../src/route/describe-route.js';

const leg = (l: Partial<RouteLeg> & Pick<RouteLeg, 'from' | 'to' | 'kind'>): RouteLeg => ({
  mode: 'rail',
  id: `${l.from}-${l.to}`,
  name: `${l.from}–${l.to}`,
  distance_km: 0,
  time_h: 0,
  wait_h: 0,
  wait_source: 'none',
  time_var_h2: 0,
  cost_usd: 0,
  co2e_kg: 0,
  ...l,
});

/** a –100 km rail– b =border= c –port– (ferry 200 km, 4 h wait) – d, with a transshipment at c. */
export function handRoute(): Route {
  const legs = [
    leg({ from: 'a', to: 'b', kind: 'link', distance_km: 100, time_h: 2, cost_usd: 100, co2e_kg: 40 }),
    leg({
      from: 'b',
      to: 'c',
      kind: 'crossing',
      id: 'bc',
      name: 'B–C',
      time_h: 5,
      wait_h: 3,
      cost_usd: 50,
      co2e_kg: 2,
    }),
    leg({
      from: 'c',
      to: 'c',
      kind: 'transshipment',
      mode: 'ferry',
      from_mode: 'rail',
      id: 'c',
      time_h: 1,
      cost_usd: 10,
    }),
    leg({
      from: 'c',
      to: 'd',
      kind: 'service',
      mode: 'ferry',
      distance_km: 200,
      time_h: 10,
      wait_h: 4,
      cost_usd: 40,
      co2e_kg: 100,
    }),
  ];
  return {
    label: 'Test',
    nodes: ['a', 'b', 'c', 'd'],
    legs,
    distance_km: 300,
    time_h: { expected: 18, p90: 22, sd: 3 },
    cost_usd: 200,
    co2e_kg: 142,
    countries: ['CN', 'KZ'],
    borders: 1,
    transshipments: 1,
    modes: ['rail', 'ferry'],
    exposure: ['ferry'],
    arcs: [],
  };
}

export const HAND_MODEL = {
  nodes: [
    { id: 'a', country: 'CN' },
    { id: 'b', country: 'CN' },
    { id: 'c', country: 'KZ' },
    { id: 'd', country: 'KZ' },
  ],
} as never;
