import { describe, expect, it } from 'vitest';
import { digraph } from '../../src/graph/csr.js';
import { shortestPath } from '../../src/graph/dijkstra.js';
import { corridorLabel, shortPlaceName } from '../../src/route/corridor-label.js';
import { corridors } from './corridors.js';

const net = corridors();
const graph = digraph(net.nodeCount, net.arcFrom, net.arcTo);
const route = (...ids: string[]) => {
  const arcs: number[] = [];
  for (let i = 1; i < ids.length; i++) {
    const p = shortestPath(
      graph,
      net.arcDistanceKm,
      net.nodeIndex.get(ids[i - 1]!)!,
      net.nodeIndex.get(ids[i]!)!,
    );
    arcs.push(...p!.arcs);
  }
  return arcs;
};

describe('corridorLabel', () => {
  it('names the corridor and where the route enters its first and leaves its last transit country', () => {
    expect(corridorLabel(net, route('xian', 'alashankou', 'dostyk', 'moscow', 'duisburg'))).toBe(
      'Northern via Dostyk and Brest',
    );
    expect(corridorLabel(net, route('xian', 'khorgos-cn', 'altynkol', 'aktau', 'alat', 'duisburg'))).toBe(
      'Middle Corridor via Altynkol, Aktau and Kapıkule',
    );
    expect(corridorLabel(net, route('xian', 'lianyungang', 'suez', 'rotterdam', 'duisburg'))).toBe(
      'Sea via Suez Canal',
    );
    expect(corridorLabel(net, route('xian', 'lianyungang', 'cape', 'rotterdam'))).toBe(
      'Sea via Cape of Good Hope',
    );
    expect(corridorLabel(net, route('urumqi', 'khorgos-road-cn', 'nur-zholy', 'almaty'))).toBe(
      'Overland via Nur Zholy',
    );
    expect(corridorLabel(net, [])).toBe('Same place');
  });

  it('short place names drop qualifiers', () => {
    expect(shortPlaceName('Dostyk station')).toBe('Dostyk');
    expect(shortPlaceName('Khorgos (rail, China)')).toBe('Khorgos');
    expect(shortPlaceName('Port Said (Suez Canal)')).toBe('Port Said');
    expect(shortPlaceName('Aktau port')).toBe('Aktau');
  });
});
