/**
 * The use cases (src/app): each returns plain JSON that its result schema accepts, checks its options
 * by its options schema, and reports every bad value at once at the option's path; the CLI renames
 * those paths to its flags.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCases } from '../../src/app/index.js';
import { useCaseOptions } from '../../src/app/options.js';
import type { AnyUseCase } from '../../src/app/use-case.js';
import { renameIssues } from '../../src/cli/use-case-flags.js';
import { InputError, issue } from '../../src/model/issue.js';
import { loadNetwork } from '../../src/model/load.js';
import { MINI, ROOT } from '../helpers.js';

const text = readFileSync(MINI, 'utf8');
const { model } = loadNetwork(text, 'mini.yaml');

async function run(u: AnyUseCase, input: Record<string, unknown>) {
  const result = await u.run(model, u.options.parse(input), {});
  // Plain JSON: a round trip through text changes nothing, and the schema accepts it as it is.
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  expect(u.result.parse(result)).toEqual(result);
  return result;
}

function issuesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.issues.map((i) => i.path).sort();
    throw e;
  }
  return [];
}

describe('use cases', () => {
  it('are registered under their own names', () => {
    for (const [name, u] of Object.entries(useCases)) expect(u.name).toBe(name);
  });

  it('network-info counts what the mini fixture holds (5 nodes, 2 links, 1 crossing CN-KZ …)', async () => {
    const info = await run(useCases['network-info'], {});
    expect(info.counts).toEqual({ nodes: 5, links: 2, crossings: 1, services: 1, demand: 1, sources: 1 });
    expect(info.countries.map((c: { code: string; nodes: number }) => `${c.code}:${c.nodes}`)).toEqual([
      'AZ:1',
      'CN:2',
      'KZ:2',
    ]);
    expect(info.crossings[0]).toMatchObject({ id: 'gate', countries: 'CN-KZ', lanes: 2, opens: null });
  });

  it('check: route waits and assigned waits agree on the mini fixture, each direction listed once, a bad date named', async () => {
    const r = await run(useCases.check, { date: '2026-06-01' });
    expect(r.date).toBe('2026-06-01');
    expect(r.consistent).toBe(true);
    const keys = r.crossings.map((x: { id: string; direction: string }) => `${x.id} ${x.direction}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.some((k: string) => k.startsWith('gate '))).toBe(true);
    for (const x of r.crossings) expect(x.status).not.toBe('disagreement');
    expect(issuesOf(() => useCaseOptions(useCases.check, model, { date: '2026-13-45' }))).toEqual(['date']);
  });

  it('route: alpha → gamma crosses the gate, takes the ferry, and its legs add up to its totals', async () => {
    const r = await run(useCases.route, { from: 'Alfa', to: 'gamma', date: '2026-06-01', round: false });
    expect(r.from).toBe('alpha');
    const best = r.routes[r.best!]!;
    expect(best.nodes[0]).toBe('alpha');
    expect(best.nodes.at(-1)).toBe('gamma');
    expect(best.legs.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining(['gate', 'ferry']));
    const sum = (k: 'time_h' | 'cost_usd' | 'distance_km') =>
      best.legs.reduce((s: number, l: Record<string, number>) => s + l[k]!, 0);
    expect(sum('distance_km')).toBeCloseTo(best.distance_km!, 6);
    expect(sum('time_h')).toBeCloseTo(best.time_h.expected!, 6);
    expect(sum('cost_usd')).toBeCloseTo(best.cost_usd!, 6);
  });

  it('route: every bad option is reported at once, at its path', () => {
    const paths = issuesOf(() =>
      useCaseOptions(useCases.route, model, {
        from: 'alpha',
        to: 'nowhere',
        optimize: 'fastest',
        modes: ['rail', 'plane'],
        maxTransshipments: 1.5,
      }),
    );
    expect(paths).toEqual(['maxTransshipments', 'modes[1]', 'optimize', 'to']);
  });

  it('simulate: defaults from the schema, ranges checked, a short run gives schema-valid JSON', async () => {
    const o = useCases.simulate.options.parse({});
    expect(o).toMatchObject({ days: 60, drainDays: 30, replications: 20, seed: 1, slotMinutes: 60 });
    expect(issuesOf(() => useCaseOptions(useCases.simulate, model, { days: 0, replications: 2.5 }))).toEqual([
      'days',
      'replications',
    ]);
    const check = useCases.simulate.check!(
      model,
      useCases.simulate.options.parse({ crossings: ['nowhere'] }),
    );
    expect(check.map((i) => i.path)).toEqual(['crossings']);
    const r = await run(useCases.simulate, { days: 4, warmupDays: 1, replications: 2, workers: 1 });
    expect(r.replications).toBe(2);
    expect(Object.keys(r.crossings)).toEqual(['gate']);
  });

  it('validate: the typos fixture has its three errors, with lines; the mini fixture is valid', async () => {
    const typos = join(ROOT, 'test', 'fixtures', 'typos.yaml');
    const bad = await run(useCases.validate, { text: readFileSync(typos, 'utf8'), file: 'typos.yaml' });
    expect(bad).toMatchObject({ valid: false, errors: 3, counts: null });
    expect(bad.issues.map((i: { path: string; line?: number }) => `${i.line} ${i.path}`)).toEqual([
      '31 links[1].from',
      '42 crossings[0].mode',
      '61 services[0].distnace_km',
    ]);
    const good = await run(useCases.validate, { text });
    expect(good).toMatchObject({ valid: true, errors: 0 });
    expect(good.counts).toEqual({ nodes: 5, links: 2, crossings: 1, services: 1, demand: 1 });
  });
});

describe('flow, export and overview use cases', () => {
  it('assign: all of the demand is served and adds up over the pairs; the JSON is plain', async () => {
    const r = await run(useCases.assign, { method: 'capacity' });
    // 40 trucks a day, 365 days a year, of the fixture's truck tonnage
    const truckT = model.units.find((u) => u.id === 'truck')!.t;
    expect(r.demand_t_per_year).toBeCloseTo(40 * 365 * truckT, 3);
    const odServed = r.od.reduce((s: number, o: { served_t_per_year: number }) => s + o.served_t_per_year, 0);
    expect(odServed).toBeCloseTo(r.served_t_per_year, 6);
  });

  it('resilience: removing the only crossing leaves all the demand unserved', async () => {
    const r = await run(useCases.resilience, { remove: ['crossing:gate'] });
    expect(r.removed).toEqual(['crossing:gate']);
    expect(r.served_t_per_year).toBe(0);
    expect(r.differences.unserved_t_per_year).toBeCloseTo(r.baseline.served_t_per_year, 6);
    expect(issuesOf(() => useCaseOptions(useCases.resilience, model, { remove: [] }))).toEqual(['remove']);
  });

  it('outlook: one row per year asked for; a last year before the first is an issue at toYear', async () => {
    const r = await run(useCases.outlook, { fromYear: 2025, toYear: 2027 });
    expect(r.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026, 2027]);
    const o = useCases.outlook.options.parse({ fromYear: 2030, toYear: 2025 });
    expect(useCases.outlook.check!(model, o).map((i) => i.path)).toEqual(['toYear']);
  });

  it('export: GeoJSON with a feature per node, link, crossing and service', async () => {
    const g = await run(useCases.export, {});
    expect(g.type).toBe('FeatureCollection');
    expect((g.features as unknown[]).length).toBe(5 + 2 + 1 + 1);
  });

  it('overview: the fixture has neither Xi’an nor a CN–KZ rail border, and says so', async () => {
    const r = await run(useCases.overview, {});
    expect(r.corridors).toBeNull();
    expect(r.rail_outlook).toBeNull();
    expect(Object.keys(r.notes).sort()).toEqual(['corridors', 'rail_outlook']);
  });
});

describe('CLI names for option paths', () => {
  it('renames the option at the head of a path to its flag, dropping list indices', () => {
    const names = new Map([
      ['modes', '--modes'],
      ['waits', '--waits'],
      ['avoidCountries', '--avoid-country'],
    ]);
    const renamed = renameIssues(
      [
        issue('invalid_option', 'modes[1]', 'x'),
        issue('invalid_value', 'waits.crossings.gate', 'x'),
        issue('invalid_option', 'avoidCountries', 'x'),
        issue('invalid_option', 'other', 'x'),
        { ...issue('invalid_value', 'modes[0].to', 'x'), file: 'demand.csv', line: 2 },
      ],
      names,
    );
    expect(renamed.map((i) => i.path)).toEqual([
      '--modes',
      '--waits.crossings.gate',
      '--avoid-country',
      'other',
      'modes[0].to',
    ]);
  });
});
