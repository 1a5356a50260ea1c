import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../../src/model/validate.js';
import { arcElementId, compileNetwork } from '../../src/network/compile.js';
import { analyticWaits } from '../../src/route/analytic-waits.js';
import { arcCriteria } from '../../src/route/arc-criteria.js';
import { routeUnit } from '../../src/route/route-context.js';
import { mini } from '../helpers.js';

const net = compileNetwork(validateNetwork(mini()).model!);
const waits = analyticWaits(net);
const arc = (id: string) =>
  [...Array(net.arcCount).keys()].find((a) => arcElementId(net, a) === id && !net.arcReversed[a])!;

describe('arcCriteria (mini fixture, hand-computed)', () => {
  const crit = arcCriteria(net, waits, { id: 'teu', t: 10 });
  it('money per unit = money per tonne × the unit’s tonnes', () => {
    expect(crit.costUsd[arc('alpha-gate-road')]).toBeCloseTo(0.1 * 60 * 10, 9);
    expect(crit.costUsd[arc('gate')]).toBeCloseTo((100 / 20) * 10, 9); // fees per truck of 20 t
    expect(crit.costUsd[arc('beta-gate-beta-rail')]).toBeCloseTo(0.09 * 300 * 10, 9);
    expect(crit.costUsd[arc('ferry')]).toBeCloseTo((900 / 20) * 10, 9); // fare per truck of 20 t
  });

  it('CO2e = intensity × tonnes × km, plus idling while waiting at the border', () => {
    expect(crit.co2eKg[arc('alpha-gate-road')]).toBeCloseTo((90 * 10 * 60) / 1000, 9);
    expect(crit.co2eKg[arc('beta-gate-beta-rail')]).toBeCloseTo((20 * 10 * 300) / 1000, 9);
    expect(crit.co2eKg[arc('ferry')]).toBeCloseTo((120 * 10 * 430) / 1000, 9);
    // 2.5 kg per idling truck-hour; a 10-t TEU is half a 20-t truck.
    const wait = waits.meanH[arc('gate')]!;
    expect(wait).toBeGreaterThan(0);
    expect(crit.co2eKg[arc('gate')]).toBeCloseTo(2.5 * (10 / 20) * wait, 9);
  });

  it('time = travel or clearance + expected wait; the ferry wait is half its departure cycle', () => {
    const gate = arc('gate');
    expect(crit.timeMeanH[gate]).toBeCloseTo(net.arcTimeMeanH[gate]! + waits.meanH[gate]!, 12);
    // The trucks the loaded network puts on the 50-truck ferry that also sails 3 times a week: it
    // leaves when full or after 56 h, whichever comes first; a unit waits half of that.
    const ferry = arc('ferry');
    const trucksPerH = waits.loadTPerH[ferry]! / 20;
    expect(trucksPerH).toBeGreaterThan(0);
    const cycle = Math.min(56, 50 / trucksPerH);
    expect(waits.meanH[ferry]).toBeCloseTo(cycle / 2, 9);
    expect(crit.timeMeanH[ferry]).toBeCloseTo(net.arcTimeMeanH[ferry]! + cycle / 2, 9);
    expect(crit.borders[gate]).toBe(1);
    expect(crit.borders[ferry]).toBe(0);
  });

  it('units: t is a tonne, the default is feu, else teu, else t', () => {
    expect(routeUnit(net, 't')).toEqual({ id: 't', t: 1 });
    expect(routeUnit(net, 'truck')).toEqual({ id: 'truck', t: 20 });
    expect(routeUnit(net, undefined)).toEqual({ id: 'teu', t: 10 });
  });
});
