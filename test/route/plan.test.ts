import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/issue.js';
import { MODES } from '../../src/model/schema.js';
import { arcElementId, arcOpenOn, dayNumber } from '../../src/network/compile.js';
import { bestRoute } from '../../src/route/best-route.js';
import { allowedArcs, resolveConstraints } from '../../src/route/constraints.js';
import { describeRoute } from '../../src/route/describe-route.js';
import { type Objective, objectiveValue } from '../../src/route/objective.js';
import { planRoutes } from '../../src/route/plan.js';
import { routeContext } from '../../src/route/route-context.js';
import { allRoutes, corridors } from './corridors.js';

const net = corridors();
const ctx2026 = routeContext(net, { date: '2026-06-01' });

function inputError(f: () => unknown): { code: string; path: string }[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.issues.map((i) => ({ code: i.code, path: i.path }));
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('planRoutes on the corridor fixture', () => {
  it("Xi'an → Duisburg: the Northern route, a Middle Corridor route and the sea route, each labelled", () => {
    const plan = planRoutes(net, "Xi'an", 'Duisburg', { context: ctx2026 });
    const labels = plan.routes.map((r) => r.label);
    expect(labels).toContain('Northern via Dostyk and Brest');
    expect(labels.some((l) => l.startsWith('Middle Corridor via') && l.includes('Aktau'))).toBe(true);
    expect(labels).toContain('Sea via Suez Canal');
    const northern = plan.routes.find((r) => r.label.startsWith('Northern'))!;
    expect(northern.countries).toEqual(['CN', 'KZ', 'RU', 'BY', 'PL', 'DE']);
    expect(northern.borders).toBe(4);
    expect(northern.exposure).toEqual(['RU', 'BY']);
    expect(plan.best).toBe(northern);
    expect(plan.unit).toEqual({ id: 'feu', t: 24 });
  });

  it('with RU and BY avoided, no route enters Russia or Belarus', () => {
    const plan = planRoutes(net, 'xian', 'duisburg', { context: ctx2026, avoidCountries: ['RU', 'BY'] });
    expect(plan.routes.length).toBeGreaterThanOrEqual(2);
    for (const r of plan.pareto) expect(r.countries.filter((c) => c === 'RU' || c === 'BY')).toEqual([]);
  });

  it('the Bakhty–Tacheng line is used only from its opening day (2027-07-01)', () => {
    const via = (date: string) =>
      planRoutes(net, 'karamay', 'aktogay', { date, modes: ['rail'] }).pareto.flatMap((r) =>
        r.legs.map((l) => l.id),
      );
    expect(via('2027-06-30')).not.toContain('bakhty-tacheng');
    expect(via('2027-06-30')).toContain('dostyk-alashankou');
    expect(via('2027-07-01')).toContain('bakhty-tacheng');
    expect(bestRoute(net, 'karamay', 'aktogay', { date: '2027-06-30' })!.legs.map((l) => l.id)).toContain(
      'dostyk-alashankou',
    );
    expect(bestRoute(net, 'karamay', 'aktogay', { date: '2028-01-01' })!.legs.map((l) => l.id)).toContain(
      'bakhty-tacheng',
    );
  });

  it('no returned route ever violates a constraint (property)', () => {
    const countries = net.countries.filter((c) => c !== 'CN');
    const ids = [
      ...net.model.crossings.map((c) => c.id),
      ...net.model.services.map((s) => s.id),
      'moscow',
      'almaty',
    ];
    const dates = ['2026-01-01', '2027-07-01', '2030-01-01'];
    fc.assert(
      fc.property(
        fc.record({
          from: fc.constantFrom('xian', 'urumqi', 'karamay'),
          to: fc.constantFrom('duisburg', 'warsaw', 'alat', 'istanbul', 'aktogay', 'rotterdam'),
          avoidCountries: fc.subarray(countries, { maxLength: 3 }),
          avoid: fc.subarray(ids, { maxLength: 3 }),
          modes: fc.subarray([...MODES], { minLength: 1 }),
          date: fc.constantFrom(...dates),
          maxTransshipments: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        }),
        (q) => {
          const toCountry = net.model.nodes.find((n) => n.id === q.to)!.country;
          fc.pre(!q.avoidCountries.includes(toCountry));
          const plan = planRoutes(net, q.from, q.to, q);
          for (const r of plan.pareto) {
            expect(r.countries.filter((c) => q.avoidCountries.includes(c))).toEqual([]);
            for (const id of q.avoid) {
              expect(r.nodes).not.toContain(id);
              expect(r.legs.map((l) => l.id)).not.toContain(id);
            }
            for (const l of r.legs) expect(q.modes).toContain(l.mode);
            for (const a of r.arcs) expect(arcOpenOn(net, a, dayNumber(q.date))).toBe(true);
            if (q.maxTransshipments !== undefined)
              expect(r.transshipments).toBeLessThanOrEqual(q.maxTransshipments);
            for (const l of r.legs.filter((x) => x.kind === 'transshipment')) {
              expect(net.model.nodes.find((n) => n.id === l.id)!.transshipment).toBeDefined();
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('single-objective answers equal Dijkstra and brute force over every route (property)', () => {
    const crit = ctx2026.criteria;
    const canTransfer = crit.transfer.at;
    const nodes = [
      'xian',
      'urumqi',
      'karamay',
      'almaty',
      'aktau',
      'moscow',
      'duisburg',
      'istanbul',
      'rotterdam',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...nodes),
        fc.constantFrom(...nodes),
        fc.constantFrom<Objective>('time', 'p90', 'cost', 'co2e', 'distance', 'generalized'),
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        (from, to, objective, maxTransshipments) => {
          fc.pre(from !== to);
          const options = { context: ctx2026, optimize: objective, maxTransshipments, valueOfTimeUsdPerH: 3 };
          const plan = planRoutes(net, from, to, options);
          const allowed = allowedArcs(net, resolveConstraints(net, {}));
          const s = net.nodeIndex.get(from)!;
          const t = net.nodeIndex.get(to)!;
          const every = allRoutes(net, s, t, allowed, canTransfer, maxTransshipments).map((arcs) =>
            describeRoute(net, crit, arcs),
          );
          const value = (r: (typeof every)[number]) => objectiveValue(r, objective, 3);
          const truth = Math.min(...every.map(value));
          if (every.length === 0) {
            expect(plan.best).toBeUndefined();
            return;
          }
          expect(value(plan.best!)).toBeCloseTo(truth, 6);
          expect(value(bestRoute(net, from, to, options)!)).toBeCloseTo(truth, 6);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('the route told leg by leg adds up to its totals, with a transshipment leg where the mode changes', () => {
    const plan = planRoutes(net, 'xian', 'duisburg', { context: ctx2026, avoidCountries: ['RU'] });
    for (const r of plan.pareto) {
      const sum = (f: (l: (typeof r.legs)[number]) => number) => r.legs.reduce((s, l) => s + f(l), 0);
      expect(sum((l) => l.distance_km)).toBeCloseTo(r.distance_km, 9);
      expect(sum((l) => l.time_h)).toBeCloseTo(r.time_h.expected, 9);
      expect(sum((l) => l.cost_usd)).toBeCloseTo(r.cost_usd, 9);
      expect(sum((l) => l.co2e_kg)).toBeCloseTo(r.co2e_kg, 9);
      expect(r.time_h.p90).toBeGreaterThan(r.time_h.expected);
      for (let i = 1; i < r.legs.length; i++) {
        const prev = r.legs[i - 1]!;
        const leg = r.legs[i]!;
        expect(leg.from).toBe(prev.to);
        if (leg.kind !== 'transshipment' && prev.kind !== 'transshipment') expect(leg.mode).toBe(prev.mode);
      }
      expect(r.nodes[0]).toBe('xian');
      expect(r.nodes[r.nodes.length - 1]).toBe('duisburg');
    }
    const sea = plan.routes.find((r) => r.label.startsWith('Sea'))!;
    expect(sea.legs.filter((l) => l.kind === 'transshipment').map((l) => l.id)).toEqual([
      'lianyungang',
      'rotterdam',
    ]);
  });

  it('with no transshipment allowed, only single-mode routes remain', () => {
    const plan = planRoutes(net, 'xian', 'duisburg', { context: ctx2026, maxTransshipments: 0 });
    expect(plan.pareto.length).toBeGreaterThan(0);
    for (const r of plan.pareto) expect(r.modes).toEqual(['rail']);
  });

  it('generalized cost = money + value of time × hours, and a higher value of time favours the faster route', () => {
    const cheap = planRoutes(net, 'xian', 'duisburg', {
      context: ctx2026,
      optimize: 'generalized',
      valueOfTimeUsdPerH: 0,
    });
    const dear = planRoutes(net, 'xian', 'duisburg', {
      context: ctx2026,
      optimize: 'generalized',
      valueOfTimeUsdPerH: 50,
    });
    expect(cheap.best!.label).toMatch(/^Sea/);
    expect(dear.best!.label).toMatch(/^Northern/);
    expect(objectiveValue(dear.best!, 'generalized', 50)).toBeCloseTo(
      dear.best!.cost_usd + 50 * dear.best!.time_h.expected,
      9,
    );
  });

  it('names with typos and bad option values are input errors at their paths', () => {
    expect(inputError(() => planRoutes(net, 'Xain', 'duisburg', { context: ctx2026 }))).toEqual([
      { code: 'unknown_reference', path: 'from' },
    ]);
    expect(
      inputError(() =>
        planRoutes(net, 'xian', 'duisburg', {
          context: ctx2026,
          avoidCountries: ['Rusia'],
          avoid: ['dostyk-alashankuo'],
          modes: ['rail', 'plane' as never],
          date: '2027-02-30',
        }),
      ),
    ).toEqual([
      { code: 'invalid_option', path: 'avoidCountries' },
      { code: 'unknown_reference', path: 'avoid' },
      { code: 'invalid_option', path: 'modes' },
      { code: 'invalid_option', path: 'date' },
    ]);
    expect(inputError(() => planRoutes(net, 'xian', 'duisburg', { unit: 'fue' }))).toEqual([
      { code: 'invalid_option', path: 'unit' },
    ]);
    expect(
      inputError(() => planRoutes(net, 'xian', 'duisburg', { context: ctx2026, maxTransshipments: 1.5 })),
    ).toEqual([{ code: 'invalid_option', path: 'maxTransshipments' }]);
    expect(
      inputError(() => planRoutes(net, 'xian', 'duisburg', { context: ctx2026, avoidCountries: ['DE'] })),
    ).toEqual([{ code: 'invalid_option', path: 'avoidCountries' }]);
    expect(
      inputError(() => planRoutes(net, 'xian', 'duisburg', { context: ctx2026, cargo: 'containres' })),
    ).toEqual([{ code: 'invalid_option', path: 'cargo' }]);
  });

  it('a cargo type limits the modes to those its demand allows', () => {
    const plan = planRoutes(net, 'urumqi', 'almaty', { context: ctx2026, cargo: 'general' });
    for (const r of plan.pareto) expect(r.modes).toEqual(['road']);
  });

  it('every arc of every route is one the compiled network has, named by its element id', () => {
    const plan = planRoutes(net, 'xian', 'istanbul', { context: ctx2026 });
    for (const r of plan.pareto) {
      expect(r.legs.filter((l) => l.kind !== 'transshipment').map((l) => l.id)).toEqual(
        r.arcs.map((a) => arcElementId(net, a)),
      );
    }
  });
});
