import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digraph } from '../../src/graph/csr.js';
import type { NetworkModel } from '../../src/model/schema.js';
import { validateNetwork } from '../../src/model/validate.js';
import { ArcKind, arcElementId, arcOpenOn, compileNetwork, dayNumber } from '../../src/network/compile.js';
import { mini } from '../helpers.js';

function model(): NetworkModel {
  const r = validateNetwork(mini());
  if (!r.model) throw new Error('fixture invalid');
  return r.model;
}

describe('compileNetwork', () => {
  it('interns nodes and makes one arc per direction of each element', () => {
    const net = compileNetwork(model());
    expect(net.nodeCount).toBe(5);
    expect(net.nodeIds[net.nodeIndex.get('gamma')!]).toBe('gamma');
    // 2 links + 1 crossing + 1 service, all bidirectional
    expect(net.arcCount).toBe(8);
    expect(net.countries).toEqual(['AZ', 'CN', 'KZ']);
  });

  it('computes arc attributes by hand-checkable formulas', () => {
    const net = compileNetwork(model());
    const arcOf = (id: string) =>
      [...Array(net.arcCount).keys()].find((a) => arcElementId(net, a) === id && !net.arcReversed[a])!;
    const road = arcOf('alpha-gate-road');
    expect(net.arcTimeMeanH[road]).toBeCloseTo(60 / 50, 12);
    expect(net.arcTimeVarH2[road]).toBe(0);
    expect(net.arcCostUsdPerT[road]).toBeCloseTo(0.1 * 60, 12);
    const rail = arcOf('beta-gate-beta-rail');
    expect(net.arcTimeMeanH[rail]).toBeCloseTo(8, 12);
    expect(net.arcTimeVarH2[rail]).toBeCloseTo(4, 12);
    expect(net.arcCapacityTPerYear[rail]).toBe(Number.POSITIVE_INFINITY);
    // Crossing: documents tri(1/6, 1/3, 1) h always; inspection exp(1 h) with p = 0.3 and repeat 0.2:
    // expected passes 0.3 / 0.8 = 0.375. Fees 100 USD per truck of 20 t = 5 USD/t.
    const gate = arcOf('gate');
    expect(net.arcKind[gate]).toBe(ArcKind.crossing);
    expect(net.arcTimeMeanH[gate]).toBeCloseTo((1 / 6 + 1 / 3 + 1) / 3 + 0.375, 12);
    expect(net.arcCostUsdPerT[gate]).toBeCloseTo(5, 12);
    // Ferry fare 900 USD per truck of 20 t
    expect(net.arcCostUsdPerT[arcOf('ferry')]).toBeCloseTo(45, 12);
  });

  it('variance of a repeated step matches a brute-force enumeration of the number of passes', () => {
    const m = model();
    const step = m.crossings[0]!.steps[1]!; // exp(mean=1h), p = 0.3, repeat = 0.2
    // E[N], E[N^2] by summing the distribution of N directly.
    let en = 0;
    let en2 = 0;
    for (let k = 1; k < 200; k++) {
      const pk = step.probability * step.repeat ** (k - 1) * (1 - step.repeat);
      en += k * pk;
      en2 += k * k * pk;
    }
    const docs = {
      mean: (1 / 6 + 1 / 3 + 1) / 3,
      var: ((1 / 6) ** 2 + (1 / 3) ** 2 + 1 - 1 / 18 - 1 / 6 - 1 / 3) / 18,
    };
    const expectedVar = docs.var + en * 1 + (en2 - en * en) * 1;
    const net = compileNetwork(m);
    const gate = [...Array(net.arcCount).keys()].find((a) => arcElementId(net, a) === 'gate')!;
    expect(net.arcTimeVarH2[gate]).toBeCloseTo(expectedVar, 9);
  });

  it('respects opening dates', () => {
    const m = model();
    m.links[0] = { ...m.links[0]!, opens: '2027-07-01' };
    const net = compileNetwork(m);
    const a = [...Array(net.arcCount).keys()].find((x) => arcElementId(net, x) === 'alpha-gate-road')!;
    expect(arcOpenOn(net, a, dayNumber('2027-06-30'))).toBe(false);
    expect(arcOpenOn(net, a, dayNumber('2027-07-01'))).toBe(true);
  });

  it('CSR adjacency lists exactly the arcs leaving and entering each node (property, random graphs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc
              .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.boolean()), { maxLength: 40 })
              .map((es) => es.filter(([a, b]) => a !== b)),
          ),
        ),
        ([n, edges]) => {
          const m: NetworkModel = {
            format: 'caravan/1',
            sources: [],
            units: [],
            modes: {},
            nodes: Array.from({ length: n }, (_, i) => ({
              id: `n${i}`,
              name: `N${i}`,
              country: 'KZ',
              kind: 'city' as const,
              lon: i,
              lat: 0,
            })),
            links: edges.map(([a, b, bi], i) => ({
              id: `l${i}`,
              from: `n${a}`,
              to: `n${b}`,
              mode: 'road' as const,
              distance_km: 1 + i,
              speed_kmh: 10,
              bidirectional: bi,
            })),
            crossings: [],
            services: [],
            demand: [],
            cargo_classes: [],
          };
          const net = compileNetwork(m);
          const g = digraph(net.nodeCount, net.arcFrom, net.arcTo);
          for (let v = 0; v < n; v++) {
            const out = [...g.outArcs.subarray(g.outStart[v], g.outStart[v + 1])].sort((x, y) => x - y);
            const brute = [...Array(net.arcCount).keys()].filter((a) => net.arcFrom[a] === v);
            expect(out).toEqual(brute);
            const inn = [...g.inArcs.subarray(g.inStart[v], g.inStart[v + 1])].sort((x, y) => x - y);
            expect(inn).toEqual([...Array(net.arcCount).keys()].filter((a) => net.arcTo[a] === v));
          }
          expect(net.arcCount).toBe(edges.reduce((s, e) => s + (e[2] ? 2 : 1), 0));
        },
      ),
    );
  });
});
