/**
 * The simulator carries what the assignment carries (issue 9, point 4): on the default network on
 * 2024-07-01, a date on which the China–Kazakhstan border and the Belarus–Poland crossings are full
 * and the assignment leaves freight unserved, every crossing direction clears in the simulation the
 * tonnes the assignment puts through it, within 4 standard errors of the count (Poisson, which
 * bounds the spread of the evenly spaced trains too) and the rounding of consignments into units;
 * no queue grows. Where drivers give up (Nur Zholy's balk at a long promised wait), the unserved
 * trucks are offered and turned away there: what arrives is the demand, what clears is the capacity.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateUseCase } from '../../src/app/simulate.js';
import { checkNetwork } from '../../src/flow/check.js';
import { networkLoadedState } from '../../src/flow/loaded-state.js';
import { loadNetwork } from '../../src/model/load.js';
import { MODES } from '../../src/model/schema.js';
import { compileNetwork } from '../../src/network/compile.js';
import { DEFAULT } from '../helpers.js';

const DATE = '2024-07-01';
const DAYS_PER_YEAR = 365;

describe('the simulation of a date carries the assigned tonnes per crossing and direction', () => {
  it('on the default network, where the assignment leaves freight unserved', async () => {
    const { model } = loadNetwork(readFileSync(DEFAULT, 'utf8'), 'network.yaml');
    const net = compileNetwork(model, { date: DATE });
    const check = checkNetwork(net, DATE);
    const loaded = networkLoadedState(net, DATE);
    const unservedT = loaded.assignment.odUnserved.reduce((s, t) => s + t, 0);
    expect(unservedT).toBeGreaterThan(1e6); // the case this test is about

    const sim = await simulateUseCase.run(
      model,
      simulateUseCase.options.parse({ date: DATE, replications: 10, days: 60 }),
      {},
    );
    const windowDays = (sim.days - sim.warmup_days) * sim.replications;
    let compared = 0;
    for (const row of check.crossings) {
      const crossing = model.crossings.find((c) => c.id === row.id)!;
      const flow = sim.crossings[row.id]?.directions[row.direction];
      if (row.flow_t_per_year < 1e3) continue;
      expect(flow, `${row.id} ${row.direction} simulated`).toBeDefined();
      const unitT = net.modeUnit[MODES.indexOf(crossing.mode)]!.t;
      const toTPerYear = (units: number) => (units / windowDays) * DAYS_PER_YEAR * unitT;
      const simulated = toTPerYear(flow!.served);
      const se = toTPerYear(Math.sqrt(flow!.served));
      const label = `${row.id} ${row.direction}: simulated ${(simulated / 1e6).toFixed(3)} vs assigned ${(row.flow_t_per_year / 1e6).toFixed(3)} Mt/yr`;
      expect(Math.abs(simulated - row.flow_t_per_year), label).toBeLessThanOrEqual(
        4 * se + 0.02 * row.flow_t_per_year,
      );
      expect(flow!.non_stationary, label).toBe(false);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(15);

    // Nur Zholy: the trucks the assignment cannot carry arrive and balk, so arrivals exceed clearances
    // by about the unserved tonnes of the demand that crosses there.
    const nz = sim.crossings['nur-zholy-khorgos']!.directions['khorgos-port->nur-zholy']!;
    const k = loaded.demand.findIndex((d) => d.id === 'nur-zholy-trucks');
    const truckT = net.modeUnit[MODES.indexOf('road')]!.t;
    const turnedAway = ((nz.balked + nz.reneged) / windowDays) * DAYS_PER_YEAR * truckT;
    const unserved = loaded.assignment.odUnserved[k]!;
    expect(unserved).toBeGreaterThan(0);
    // Balking also sheds the queue's own fluctuation, so the turned-away tonnes are near, not equal to, it.
    expect(Math.abs(turnedAway - unserved) / unserved).toBeLessThan(0.25);
  }, 60_000);
});
