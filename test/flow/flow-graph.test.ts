import { describe, expect, it } from 'vitest';
import { buildFlowGraph, DEFAULT_VALUE_OF_TIME_USD_PER_T_H } from '../../src/flow/flow-graph.js';
import { ShortestPathTree } from '../../src/graph/dijkstra.js';
import type { NetworkModel } from '../../src/model/schema.js';
import { compileNetwork, dayNumber } from '../../src/network/compile.js';
import { validModel } from './models.js';

/** a —rail— port —ferry— b, and port —rail— c. The port charges 10 USD/t and 5 h to change mode. */
function portNetwork(): NetworkModel {
  return validModel({
    format: 'caravan/1',
    units: [{ id: 'teu', t: 10 }],
    modes: {
      rail: { unit: 'teu', co2e_g_per_t_km: 20, value_of_time_usd_per_t_h: 2 },
      ferry: { unit: 'teu', co2e_g_per_t_km: 90, value_of_time_usd_per_t_h: 2 },
    },
    nodes: [
      { id: 'a', name: 'A', country: 'KZ', kind: 'city', lon: 60, lat: 45 },
      {
        id: 'port',
        name: 'Port',
        country: 'KZ',
        kind: 'port',
        lon: 51,
        lat: 43,
        transshipment: { time: '5h', cost_usd_per_t: 10 },
      },
      { id: 'b', name: 'B', country: 'AZ', kind: 'port', lon: 49, lat: 40 },
      { id: 'c', name: 'C', country: 'KZ', kind: 'city', lon: 52, lat: 47 },
    ],
    links: [
      {
        from: 'a',
        to: 'port',
        mode: 'rail',
        gauge_mm: 1520,
        distance_km: 100,
        speed_kmh: 50,
        cost_usd_per_t_km: 0.1,
      },
      {
        from: 'port',
        to: 'c',
        mode: 'rail',
        gauge_mm: 1520,
        distance_km: 100,
        speed_kmh: 50,
        cost_usd_per_t_km: 0.1,
      },
    ],
    services: [
      {
        id: 'ferry',
        name: 'Ferry',
        mode: 'ferry',
        from: 'port',
        to: 'b',
        distance_km: 400,
        time: '20h',
        departures_per_week: 7,
        capacity_units: 50,
        fare_usd_per_unit: 300,
        opens: '2026-01-01',
      },
    ],
  });
}

function cheapest(model: NetworkModel, from: string, to: string, options = {}): number {
  const net = compileNetwork(model);
  const g = buildFlowGraph(net, options);
  const tree = new ShortestPathTree(g);
  const o = g.zone[net.nodeIndex.get(from)!]!;
  tree.run(o, g.arcBaseCost);
  return tree.dist[g.zone[net.nodeIndex.get(to)!]!]!;
}

describe('buildFlowGraph', () => {
  it('generalized cost = money + value of time × (travel + mean wait for a departure)', () => {
    // Ferry: fare 300 / 10 t = 30 USD/t; 20 h crossing + 168/7/2 = 12 h mean wait for a departure.
    expect(cheapest(portNetwork(), 'port', 'b')).toBeCloseTo(30 + 2 * (20 + 12), 9);
  });

  it('charges a transshipment exactly when cargo changes mode at the node', () => {
    const rail = 10 + 2 * 2; // 100 km × 0.1 USD/t-km, 2 h at 50 km/h
    const ferry = 30 + 2 * 32;
    const transfer = 10 + 2 * 5;
    const m = portNetwork();
    expect(cheapest(m, 'a', 'b')).toBeCloseTo(rail + transfer + ferry, 9); // rail → ferry: pays
    expect(cheapest(m, 'a', 'c')).toBeCloseTo(rail + rail, 9); // rail through: does not pay
    expect(cheapest(m, 'port', 'c')).toBeCloseTo(rail, 9); // starting at the port: does not pay
    expect(cheapest(m, 'b', 'c')).toBeCloseTo(ferry + transfer + rail, 9);
  });

  it('leaves out elements not in service on the day, and removed arcs and nodes', () => {
    const m = portNetwork();
    expect(cheapest(m, 'a', 'b', { day: dayNumber('2025-07-01') })).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(cheapest(m, 'a', 'b', { day: dayNumber('2026-07-01') }))).toBe(true);
    const net = compileNetwork(m);
    const closedNodes = new Uint8Array(net.nodeCount);
    closedNodes[net.nodeIndex.get('port')!] = 1;
    const g = buildFlowGraph(net, { closedNodes });
    expect(g.zone[net.nodeIndex.get('port')!]).toBe(-1);
    expect(g.arcCount).toBe(0);
  });

  it('values time at the option when given, else the mode, else the default', () => {
    expect(cheapest(portNetwork(), 'port', 'c', { valueOfTimeUsdPerTH: 0 })).toBeCloseTo(10, 9);
    const m = portNetwork();
    const bare = {
      ...m,
      modes: { ...m.modes, rail: { ...m.modes.rail!, value_of_time_usd_per_t_h: undefined } },
    };
    expect(cheapest(bare as NetworkModel, 'port', 'c')).toBeCloseTo(
      10 + DEFAULT_VALUE_OF_TIME_USD_PER_T_H * 2,
      9,
    );
  });
});
