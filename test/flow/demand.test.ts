import { describe, expect, it } from 'vitest';
import { demandMatrix } from '../../src/flow/demand.js';
import { parseDemandCsv } from '../../src/flow/demand-csv.js';
import { demandInYear, growthRate, parseGrowthCsv, parseRate } from '../../src/flow/demand-growth.js';
import { InputError, type Issue } from '../../src/model/issue.js';
import { MINI } from '../helpers.js';
import { fixtureModel } from './models.js';

function issuesOf(f: () => unknown): Issue[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return [...e.issues];
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('demandMatrix', () => {
  it('converts units per day to tonnes per year with the unit’s tonnes', () => {
    const d = demandMatrix(fixtureModel(MINI));
    // 40 trucks a day × 20 t × 365 days
    expect(d).toEqual([
      expect.objectContaining({ from: 'alpha', to: 'gamma', tPerYear: 40 * 20 * 365, cargo: 'general' }),
    ]);
  });

  it('keeps t_per_year, cargo, growth and modes, and names pairs', () => {
    const d = demandMatrix(fixtureModel());
    expect(d.map((x) => x.id)).toEqual(['cn-de-containers', 'cn-de-general', 'cn-ru', 'cn-kz', 'cn-tr']);
    expect(d[0]).toMatchObject({
      tPerYear: 8e6,
      cargo: 'containers',
      growthPerYear: 0.05,
      modes: ['rail', 'ferry'],
    });
  });
});

describe('parseDemandCsv', () => {
  const model = fixtureModel();

  it('reads from,to,t_per_year with optional cargo and growth, resolving node names', () => {
    const d = parseDemandCsv(
      '# demand for a test\nfrom,to,t_per_year,cargo,growth_per_year\nxian,duisburg,1000000,containers,0.03\n"Xi\'an",Kars,2_000,,\n',
      'd.csv',
      model,
    );
    expect(d).toEqual([
      expect.objectContaining({
        id: 'xian->duisburg:containers',
        from: 'xian',
        to: 'duisburg',
        tPerYear: 1e6,
        growthPerYear: 0.03,
      }),
      expect.objectContaining({
        id: 'xian->kars',
        from: 'xian',
        to: 'kars',
        tPerYear: 2000,
        cargo: 'general',
      }),
    ]);
  });

  it('reports every problem with its file, line and path, and suggests fixes', () => {
    const issues = issuesOf(() =>
      parseDemandCsv(
        'from,to,t_per_year\nxian,duisberg,100\nxian,kars,-5\nxian,kars,lots\n\nxian,,10\n',
        'bad.csv',
        model,
      ),
    );
    expect(issues.map((i) => `${i.file}:${i.line} ${i.code} ${i.path}`)).toEqual([
      'bad.csv:2 unknown_reference demand[0].to',
      'bad.csv:3 non_positive demand[1].t_per_year',
      'bad.csv:4 invalid_type demand[2].t_per_year',
      'bad.csv:6 missing_field demand[3].to',
    ]);
    expect(issues[0]!.message).toContain('did you mean "duisburg"');
  });

  it('rejects unknown and missing columns in the header', () => {
    const issues = issuesOf(() => parseDemandCsv('from,to,tonnes\nxian,kars,5\n', 'h.csv', model));
    expect(issues.map((i) => `${i.line} ${i.code} ${i.path}`)).toEqual([
      '1 unknown_field tonnes',
      '1 missing_field t_per_year',
    ]);
  });
});

describe('demand growth', () => {
  const d = { id: 'x', from: 'a', to: 'b', cargo: 'general', tPerYear: 100, growthPerYear: 0.1 };

  it('grows each flow at its own rate from the base year', () => {
    const [y2026] = demandInYear([d], 2026, { baseYear: 2024 });
    expect(y2026!.tPerYear).toBeCloseTo(121, 9);
    const [y2023] = demandInYear([d], 2023, { baseYear: 2024 });
    expect(y2023!.tPerYear).toBeCloseTo(100 / 1.1, 9);
  });

  it('a single rate overrides all; rules override matching pairs, cargo-specific first', () => {
    expect(growthRate(d, 0.02)).toBe(0.02);
    expect(growthRate(d, [{ from: 'a', to: 'b', growthPerYear: 0.03 }])).toBe(0.03);
    expect(
      growthRate(d, [
        { from: 'a', to: 'b', growthPerYear: 0.03 },
        { from: 'a', to: 'b', cargo: 'general', growthPerYear: 0.07 },
      ]),
    ).toBe(0.07);
    expect(growthRate(d, [{ from: 'b', to: 'a', growthPerYear: 0.03 }])).toBe(0.1);
    expect(growthRate({ ...d, growthPerYear: undefined })).toBe(0);
  });

  it('parses rates as fractions or percentages', () => {
    expect(parseRate('0.05')).toBe(0.05);
    expect(parseRate('5%')).toBeCloseTo(0.05, 12);
    expect(parseRate('-2 %')).toBeCloseTo(-0.02, 12);
    expect(parseRate('rates.csv')).toBeUndefined();
  });

  it('reads a CSV of rates and reports bad rows with their lines', () => {
    const model = fixtureModel();
    expect(parseGrowthCsv('from,to,growth_per_year\nxian,kars,4%\n', 'g.csv', model)).toEqual([
      { from: 'xian', to: 'kars', growthPerYear: 0.04 },
    ]);
    const issues = issuesOf(() =>
      parseGrowthCsv('from,to,growth_per_year\nxian,karss,fast\n', 'g.csv', model),
    );
    expect(issues.map((i) => `${i.line} ${i.code} ${i.path}`)).toEqual([
      '2 unknown_reference growth[0].to',
      '2 invalid_value growth[0].growth_per_year',
    ]);
  });
});
