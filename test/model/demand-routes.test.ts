/**
 * Validation knows what the analyses need: a demand with no route in service in some period (in the
 * network or under a scenario) is a warning naming the period and the demand's path; a demand whose
 * unit cannot be resolved is an error; a demand from a place to itself is an error in a network file
 * and in a demand CSV alike; `simulate` with nothing to simulate exits 2 and says why.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateText } from '../../src/app/validate.js';
import { parseDemandCsv } from '../../src/flow/demand-csv.js';
import { demandRouteIssues } from '../../src/flow/demand-routes.js';
import { InputError, type Issue } from '../../src/model/issue.js';
import { validateNetwork } from '../../src/model/validate.js';
import { fixtureModel, validModel } from '../flow/models.js';
import { caravan, codes, DEFAULT } from '../helpers.js';

/** A CN node and a KZ node joined by one crossing (road unless told), and one demand across it. */
function twoPlaces(crossing: Record<string, unknown> = {}, demand: Record<string, unknown> = {}) {
  return {
    format: 'caravan/1',
    units: [
      { id: 'truck', t: 20 },
      { id: 'train', t: 1000 },
    ],
    modes: { road: { unit: 'truck', co2e_g_per_t_km: 90 }, rail: { unit: 'train', co2e_g_per_t_km: 20 } },
    nodes: [
      { id: 'a', name: 'A', country: 'CN', kind: 'city', lon: 80, lat: 44 },
      { id: 'b', name: 'B', country: 'KZ', kind: 'city', lon: 79, lat: 44 },
    ],
    crossings: [
      {
        id: 'x',
        name: 'X',
        mode: 'road',
        from: 'a',
        to: 'b',
        lanes: 2,
        steps: [{ name: 'check', time: '1h' }],
        ...crossing,
      },
    ],
    demand: [{ id: 'd', from: 'a', to: 'b', t_per_year: 100_000, ...demand }],
  };
}

const warnings = (data: unknown): Issue[] => demandRouteIssues(validModel(data));

describe('a demand with no route in service', () => {
  it('is a warning at the demand, naming the period before its only crossing opens', () => {
    const w = warnings(twoPlaces({ opens: '2028-01-01' }));
    expect(w.map((i) => `${i.severity} ${i.code} ${i.path}`)).toEqual(['warning demand_no_route demand[0]']);
    expect(w[0]!.message).toContain('before 2028-01-01');
    expect(w[0]!.message).toContain('"a" to "b"');
  });

  it('names the period after its only crossing closes, and both ends of a closure in between', () => {
    expect(warnings(twoPlaces({ closes: '2030-06-01' }))[0]!.message).toContain('from 2030-06-01');
    const data = twoPlaces();
    data.crossings.push({
      id: 'y',
      name: 'Y',
      mode: 'road',
      from: 'a',
      to: 'b',
      lanes: 1,
      steps: [{ name: 'check', time: '1h' }],
      opens: '2029-01-01',
    } as never);
    (data.crossings[0] as Record<string, unknown>).closes = '2027-01-01';
    expect(warnings(data)[0]!.message).toContain('from 2027-01-01 until 2029-01-01');
  });

  it('counts only the modes the demand may use, and changes mode only at a transshipment', () => {
    const w = warnings(twoPlaces({}, { modes: ['rail'] }));
    expect(w[0]!.message).toContain('in its modes (rail) at any date');
    expect(warnings(twoPlaces())).toEqual([]);
  });

  it('is reported by validate with its file and line, and under a scenario that removes the way', () => {
    const text = stringify(twoPlaces({ opens: '2028-01-01' }));
    const r = validateText({ text, file: 'two.yaml' });
    expect(r.valid).toBe(true);
    expect(r.warnings).toBe(1);
    expect(r.issues[0]!.file).toBe('two.yaml');
    expect(r.issues[0]!.line).toBeGreaterThan(1);
    const scenario = stringify({
      format: 'caravan-scenario/1',
      name: 'no rail',
      remove: { crossings: ['r'] },
    });
    const rail = stringify({
      ...twoPlaces(),
      crossings: [
        ...twoPlaces().crossings,
        {
          id: 'r',
          name: 'R',
          mode: 'rail',
          from: 'a',
          to: 'b',
          lanes: 2,
          steps: [{ name: 'check', time: '1h' }],
        },
      ],
      demand: [{ id: 'd', from: 'a', to: 'b', t_per_year: 100_000, modes: ['rail'] }],
    });
    const base = validateText({ text: rail, file: 'rail.yaml' });
    expect(base.warnings).toBe(0);
    const under = validateText({
      text: rail,
      file: 'rail.yaml',
      scenario: { text: scenario, file: 's.yaml' },
    });
    expect(under.issues.map((i) => `${i.code} ${i.path}`)).toContain('demand_no_route demand[0]');
  });

  it('the default network has none', () => {
    expect(demandRouteIssues(fixtureModel(DEFAULT))).toEqual([]);
  });
});

describe('demand that no analysis can use is an error', () => {
  it('a unit that cannot be resolved', () => {
    expect(codes(twoPlaces({}, { t_per_year: undefined, units_per_day: 5, unit: 'wagon' }))).toContain(
      'unknown_reference demand[0].unit',
    );
    expect(codes(twoPlaces({}, { t_per_year: undefined, units_per_day: 5 }))).toContain(
      'missing_field demand[0].unit',
    );
  });

  it('a place to itself, in a network file and in a demand CSV alike', () => {
    expect(codes(twoPlaces({}, { to: 'a' }))).toContain('invalid_value demand[0].to');
    const model = validModel(twoPlaces());
    let issues: Issue[] = [];
    try {
      parseDemandCsv('from,to,t_per_year\na,a,100\n', 'd.csv', model);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      issues = [...e.issues];
    }
    expect(issues.map((i) => `${i.file}:${i.line} ${i.code} ${i.path}`)).toEqual([
      'd.csv:2 invalid_value demand[0].to',
    ]);
    expect(validateNetwork(twoPlaces({}, { to: 'a' })).model).toBeUndefined();
  });

  it('simulate with nothing to simulate exits 2 and says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caravan-'));
    const file = join(dir, 'norail.yaml');
    writeFileSync(file, stringify(twoPlaces({}, { modes: ['rail'] })));
    const r = caravan(['simulate', '--network', file, '--replications', '2', '--days', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing to simulate');
    expect(r.stderr).toContain('no route in service');
  });
});
