import { describe, expect, it } from 'vitest';
import { parseHours, type WeeklyCalendar } from '../../src/model/calendar.js';
import { InputError } from '../../src/model/issue.js';
import { validateNetwork } from '../../src/model/validate.js';
import { ArcKind, arcElementId, compileNetwork } from '../../src/network/compile.js';
import { analyticWaits } from '../../src/route/analytic-waits.js';
import { WaitSource } from '../../src/route/arc-waits.js';
import { serviceWait } from '../../src/route/service-wait.js';
import { readSimulatedWaits, withSimulatedWaits } from '../../src/route/simulated-waits.js';
import { corridors } from './corridors.js';

function _calendar(text: string): WeeklyCalendar {
  const c = parseHours(text);
  if ('error' in c) throw new Error(c.error);
  return c.calendar;
}

describe('serviceWait', () => {
  const base = {
    departsWhenFull: false,
    capacityUnits: 50,
    departuresPerWeek: undefined,
    maxWaitH: undefined,
  } as const;
  it('half the headway for a timetable: 3 departures a week → mean 28 h, variance 56²/12', () => {
    const w = serviceWait({ ...base, departuresPerWeek: 3 }, 0);
    expect(w).toEqual({ meanH: 28, varH2: (56 * 56) / 12, cycleH: 56, basis: 'schedule' });
  });
  it('departs when full: half the time to fill it, bounded by the timetable and the maximum wait', () => {
    expect(serviceWait({ ...base, departsWhenFull: true }, 10).meanH).toBeCloseTo(2.5, 12);
    expect(serviceWait({ ...base, departsWhenFull: true, departuresPerWeek: 3 }, 0.1)).toMatchObject({
      meanH: 28,
      basis: 'schedule',
    });
    expect(serviceWait({ ...base, departsWhenFull: true, maxWaitH: 48 }, 0.1)).toMatchObject({
      meanH: 24,
      basis: 'max_wait',
    });
    expect(serviceWait({ ...base, departsWhenFull: true }, 0)).toMatchObject({
      meanH: 84,
      basis: 'fallback',
    });
    expect(serviceWait(base, 5)).toMatchObject({ meanH: 0, basis: 'none' });
  });
});

describe('analyticWaits', () => {
  /** Two parallel crossings A and B between two countries; demand larger than one of them can take. */
  function parallel(trucksPerDay = 36) {
    const step = [{ name: 'clearance', time: '1h' }];
    const r = validateNetwork({
      format: 'caravan/1',
      units: [{ id: 'truck', t: 20 }],
      modes: { road: { unit: 'truck', co2e_g_per_t_km: 90 } },
      nodes: [
        { id: 'o', name: 'O', country: 'CN', kind: 'city', lon: 80, lat: 44 },
        { id: 'a1', name: 'A1', country: 'CN', kind: 'border', lon: 80, lat: 44 },
        { id: 'a2', name: 'A2', country: 'KZ', kind: 'border', lon: 80, lat: 44 },
        { id: 'b1', name: 'B1', country: 'CN', kind: 'border', lon: 80, lat: 44 },
        { id: 'b2', name: 'B2', country: 'KZ', kind: 'border', lon: 80, lat: 44 },
        { id: 'd', name: 'D', country: 'KZ', kind: 'city', lon: 80, lat: 44 },
      ],
      links: [
        { from: 'o', to: 'a1', mode: 'road', distance_km: 100, speed_kmh: 50 },
        { from: 'a2', to: 'd', mode: 'road', distance_km: 100, speed_kmh: 50 },
        { from: 'o', to: 'b1', mode: 'road', distance_km: 110, speed_kmh: 50 },
        { from: 'b2', to: 'd', mode: 'road', distance_km: 110, speed_kmh: 50 },
      ],
      crossings: [
        { id: 'a', name: 'A', mode: 'road', from: 'a1', to: 'a2', lanes: 1, steps: step },
        { id: 'b', name: 'B', mode: 'road', from: 'b1', to: 'b2', lanes: 1, steps: step },
      ],
      demand: [{ from: 'o', to: 'd', units_per_day: trucksPerDay, unit: 'truck' }],
    });
    return compileNetwork(r.model!);
  }
  const arcOf = (net: ReturnType<typeof parallel>, id: string) =>
    [...Array(net.arcCount).keys()].find((a) => arcElementId(net, a) === id && !net.arcReversed[a])!;

  it('the loaded network splits the demand so that both crossings cost the same (Pollaczek–Khinchine M/D/1 by bisection)', () => {
    const net = parallel();
    const w = analyticWaits(net);
    const a = w.loadTPerH[arcOf(net, 'a')]!;
    const b = w.loadTPerH[arcOf(net, 'b')]!;
    // 36 trucks a day = 1.5 trucks an hour = 30 t/h, all served (2 trucks an hour fit).
    expect(a + b).toBeCloseTo(30, 6);
    // Independent truth: one lane clearing a truck in exactly 1 h is M/D/1, Wq = ρ / (2(1 − ρ)) h.
    // Route A takes 2 + 1 + 2 h, B 2.2 + 1 + 2.2 h: equilibrium where 5 + Wq(ρA) = 5.4 + Wq(1.5 − ρA).
    const wq = (rho: number) => rho / (2 * (1 - rho));
    let lo = 0.5;
    let hi = 1;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (5 + wq(mid) > 5.4 + wq(1.5 - mid)) hi = mid;
      else lo = mid;
    }
    expect(a / 20).toBeCloseTo(lo, 3);
    // The wait route planning uses is the queue's at that load.
    expect(w.meanH[arcOf(net, 'a')]).toBeCloseTo(wq(lo), 2);
    expect(w.meanH[arcOf(net, 'b')]).toBeCloseTo(wq(1.5 - lo), 2);
    expect(w.source[arcOf(net, 'a')]).toBe(WaitSource.queue);
    expect(w.saturated).toEqual([]);
  });

  it('demand beyond what both crossings clear is left unserved; no crossing is loaded to its capacity', () => {
    const net = parallel(60);
    const w = analyticWaits(net);
    for (const id of ['a', 'b']) {
      expect(w.utilization[arcOf(net, id)]!).toBeLessThan(1);
      expect(Number.isFinite(w.meanH[arcOf(net, id)]!)).toBe(true);
    }
    expect(w.loadTPerH[arcOf(net, 'a')]! + w.loadTPerH[arcOf(net, 'b')]!).toBeLessThan(40);
  });
});

describe('simulated waits (--waits)', () => {
  const net = corridors();
  const base = analyticWaits(net, { date: '2026-06-01' });
  it('replace the estimate for both directions of a crossing; the variance comes from P90 or sd', () => {
    const sim = readSimulatedWaits(net, {
      crossings: {
        'dostyk-alashankou': {
          wait_h: { mean: 30, p90: 30 + 1.2815515655446004 * 10, p50: 25, ci95: [28, 32] },
        },
        'brest-malaszewicze': { wait_h: { mean: 50, sd: 7, p90: 70 } },
        'kapikule-svilengrad': { wait_h: { mean: null, p90: null } },
      },
      replications: 20,
    });
    const w = withSimulatedWaits(net, base, sim);
    for (let a = 0; a < net.arcCount; a++) {
      if (net.arcKind[a] !== ArcKind.crossing) continue;
      const id = arcElementId(net, a);
      if (id === 'dostyk-alashankou') {
        expect(w.meanH[a]).toBe(30);
        expect(w.varH2[a]).toBeCloseTo(100, 9);
        expect(w.source[a]).toBe(WaitSource.simulated);
      } else if (id === 'brest-malaszewicze') {
        expect(w.varH2[a]).toBeCloseTo(49, 12);
      } else {
        expect(w.meanH[a]).toBe(base.meanH[a]);
        expect(w.source[a]).toBe(WaitSource.queue);
      }
    }
  });

  it('a simulated crossing runs its queue itself: its shared-capacity ration is no longer noted', () => {
    const rations = [
      { kind: 'crossing' as const, id: 'dostyk-alashankou', utilization: 0.995, delayH: 300 },
      { kind: 'crossing' as const, id: 'altynkol-khorgos', utilization: 0.996, delayH: 320 },
      { kind: 'link' as const, id: 'dostyk-alashankou', utilization: 0.999, delayH: 10 },
    ];
    const sim = readSimulatedWaits(net, {
      crossings: { 'dostyk-alashankou': { wait_h: { mean: 30, sd: 5 } } },
      replications: 20,
    });
    const w = withSimulatedWaits(net, { ...base, sharedRations: rations }, sim);
    expect(w.sharedRations).toEqual([rations[1], rations[2]]);
  });

  it('an unknown crossing or a wrong shape is an input error at its path', () => {
    const codes = (data: unknown) => {
      try {
        readSimulatedWaits(net, data, '--waits');
      } catch (e) {
        return (e as InputError).issues.map((i) => `${i.code} ${i.path}`);
      }
      return [];
    };
    expect(codes({ crossings: { 'dostyk-alashankuo': { wait_h: { mean: 1 } } } })).toEqual([
      'unknown_reference --waits.crossings.dostyk-alashankuo',
    ]);
    expect(codes({ crossings: { 'dostyk-alashankou': { wait_h: { mean: 'x' } } } })).toEqual([
      'invalid_value --waits.crossings.dostyk-alashankou.wait_h.mean',
    ]);
    expect(codes({ waits: {} })).toEqual(['invalid_value --waits.crossings']);
    expect(() => readSimulatedWaits(net, { crossings: { x: { wait_h: { mean: 1 } } } })).toThrow(InputError);
  });
});
