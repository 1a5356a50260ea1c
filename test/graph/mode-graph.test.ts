import { describe, expect, it } from 'vitest';
import { shortestPath } from '../../src/graph/dijkstra.js';
import { ArcRole, expandModes, liftArcValues } from '../../src/graph/mode-graph.js';

/**
 * A line a –rail– b –ferry– c, and a detour a –rail– d –ferry– c. Changing from rail to ferry costs
 * 1 at b and 5 at d (hand-computed totals below).
 */
const line = {
  nodeCount: 4,
  arcFrom: [0, 1, 0, 3],
  arcTo: [1, 2, 3, 2],
  arcMode: [0, 1, 0, 1],
  modeCount: 2,
};
const weight = [1, 1, 2, 2];
const penalty = [0, 1, 0, 5];

describe('expandModes', () => {
  it('splits a place where two modes meet into a zone and one node per mode; one-mode places stay whole', () => {
    const g = expandModes({ ...line, transferAt: Uint8Array.from([1, 1, 1, 1]) });
    // a and c: one mode each, one node; b and d: zone + rail + ferry.
    expect(g.nodeCount).toBe(1 + 3 + 1 + 3);
    expect([...g.nodeMode]).toEqual([-1, -1, 0, 1, -1, -1, 0, 1]);
    expect([...g.through]).toEqual([1, 0, 1, 1, 1, 0, 1, 1]);
    // 4 network arcs, per split place 2 connectors a mode and 2 transfers.
    const roles = [...g.arcRole];
    expect(roles.filter((r) => r === ArcRole.network)).toHaveLength(4);
    expect(roles.filter((r) => r === ArcRole.connector)).toHaveLength(8);
    expect(roles.filter((r) => r === ArcRole.transfer)).toHaveLength(4);
  });

  it('charges the change where it happens, and allows it only where a transfer is allowed', () => {
    const run = (transferAt: number[]) => {
      const g = expandModes({ ...line, transferAt: Uint8Array.from(transferAt) });
      const w = liftArcValues(g, weight, penalty);
      return shortestPath(g, w, g.zone[0]!, g.zone[2]!)?.cost;
    };
    expect(run([1, 1, 1, 1])).toBe(1 + 1 + 1); // via b: 2 + change 1
    expect(run([1, 0, 1, 1])).toBe(2 + 2 + 5); // b forbids the change: via d
    expect(run([1, 0, 1, 0])).toBeUndefined(); // nowhere to change
  });

  it('merged: nothing split, the change is free anywhere', () => {
    const g = expandModes({ ...line, transferAt: Uint8Array.from([0, 0, 0, 0]), merge: true });
    expect(g.nodeCount).toBe(4);
    expect(shortestPath(g, liftArcValues(g, weight), g.zone[0]!, g.zone[2]!)?.cost).toBe(2);
  });

  it('with a limit, a transfer climbs a layer: limit 0 forbids any change', () => {
    const at = Uint8Array.from([1, 1, 1, 1]);
    const zero = expandModes({ ...line, transferAt: at, maxTransfers: 0 });
    expect(shortestPath(zero, liftArcValues(zero, weight, penalty), zero.zone[0]!, zero.zone[2]!)).toBeNull();
    const one = expandModes({ ...line, transferAt: at, maxTransfers: 1 });
    expect(shortestPath(one, liftArcValues(one, weight, penalty), one.zone[0]!, one.zone[2]!)?.cost).toBe(3);
  });
});
