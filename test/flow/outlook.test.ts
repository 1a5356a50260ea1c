import { describe, expect, it } from 'vitest';
import { demandMatrix } from '../../src/flow/demand.js';
import { outlook } from '../../src/flow/outlook.js';
import { compileNetwork } from '../../src/network/compile.js';
import { fixtureModel } from './models.js';

async function run(options = {}) {
  const model = fixtureModel();
  return outlook(compileNetwork(model), demandMatrix(model), { method: 'capacity', ...options });
}

describe('outlook on the flow-corridors fixture', () => {
  it('follows the calendar: CN–KZ rail capacity 28 Mt/yr until Bakhty opens in 2027, then 48', async () => {
    const r = await run();
    expect(r.years.map((y) => y.year)).toEqual([
      2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035,
    ]);
    const cnkz = r.years.map((y) => y.borders.find((b) => b.id === 'CN-KZ rail')!.capacity_t_per_year);
    expect(cnkz).toEqual([28e6, 28e6, 28e6, 48e6, 48e6, 48e6, 48e6, 48e6, 48e6, 48e6, 48e6, 48e6]);
    expect(r.years[2]!.crossings.find((c) => c.id === 'bakhty-tacheng')).toBeUndefined();
    // Declared 20 Mt/yr for both directions together, below the 2 × 21 Mt/yr its 2,400 lanes clear.
    expect(r.years[3]!.crossings.find((c) => c.id === 'bakhty-tacheng')!.capacity_t_per_year).toBe(20e6);
  });

  it('grows demand at 5 % a year and finds the first year of saturation by hand', async () => {
    const r = await run();
    for (const y of r.years) expect(y.demand_t_per_year).toBeCloseTo(27e6 * 1.05 ** (y.year - 2024), 0);
    const first = (kind: string, id: string) =>
      r.saturation.find((s) => s.kind === kind && s.id === id)!.first_year;
    // 27 Mt/yr of rail-bound demand meets 28 Mt/yr when 27 × 1.05^n ≥ 0.99 × 28: n = 1 → 2025.
    expect(first('border', 'CN-KZ rail')).toBe(2025);
    // Brest–Małaszewicze carries the 10 Mt/yr bound for Duisburg: 10 × 1.05^n ≥ 0.99 × 15 → n = 9 → 2033.
    expect(first('crossing', 'brest-malaszewicze')).toBe(2033);
    expect(first('crossing', 'akhalkalaki-kars')).toBeNull();
  });

  it('one growth rate for every flow overrides the demand’s own; at 0 % nothing saturates at the CN–KZ border', async () => {
    const r = await run({ growth: 0, fromYear: 2024, toYear: 2026 });
    expect(r.years.map((y) => y.demand_t_per_year)).toEqual(
      [27e6, 27e6, 27e6].map((x) => expect.closeTo(x, 0)),
    );
    expect(r.saturation.find((s) => s.id === 'CN-KZ rail')!.first_year).toBeNull();
  });
});

describe('outlook: each year sees the dated changes of its 1 July', () => {
  it('a capacity step from 2030 on Brest–Małaszewicze shows from the 2030 column, as check --date sees it', async () => {
    const base = fixtureModel();
    const model = {
      ...base,
      crossings: base.crossings.map((c) =>
        c.id === 'brest-malaszewicze'
          ? {
              ...c,
              timeline: [
                {
                  from: '2030-01-01',
                  capacity_t_per_year: 30e6,
                  provenance: { capacity_t_per_year: { estimate: 'a test of dated steps' } },
                },
              ],
            }
          : c,
      ),
    } as typeof base;
    const r = await outlook(compileNetwork(model), demandMatrix(model), {
      method: 'capacity',
      fromYear: 2028,
      toYear: 2031,
    });
    const cap = r.years.map(
      (y) => y.crossings.find((c) => c.id === 'brest-malaszewicze')!.capacity_t_per_year,
    );
    // 15 Mt/yr as written (see above), 30 from the step: 2028 and 2029 before it, 2030 and 2031 after
    expect(cap).toEqual([15e6, 15e6, 30e6, 30e6]);
  });
});
